from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("binh-luan/ma-xac-nhan/", views.comment_session, name="session"),
    path("binh-luan/<int:pk>/bao-vi-pham/", views.report_page, name="report"),
    path("bai-viet/<slug:slug>-<int:pk>/binh-luan/", views.CommentPageView.as_view(), name="page"),
]
