from django.urls import path

from . import views
from .questions import QuestionsView

app_name = "comments"

urlpatterns = [
    path("binh-luan/ma-xac-nhan/", views.comment_session, name="session"),
    path("binh-luan/ma-xac-nhan/<str:key>/nghe.wav", views.captcha_audio, name="captcha-audio"),
    path("binh-luan/<int:pk>/bao-vi-pham/", views.report_page, name="report"),
    path("bai-viet/<slug:slug>-<int:pk>/binh-luan/", views.CommentPageView.as_view(), name="page"),
    path("hoi-dap/", QuestionsView.as_view(), name="questions"),
]
