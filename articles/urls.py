from django.urls import path

from . import uploads, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("bai-viet/<slug:slug>-<int:pk>/", views.ArticleDetailView.as_view(), name="detail"),
    path("xem-truoc/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("chuyen-muc/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("loat-bai/<slug:slug>/", views.SeriesView.as_view(), name="series"),
    path("tai-anh-len/", uploads.image_upload, name="image_upload"),
]
