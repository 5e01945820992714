from django.urls import path

from . import feeds, uploads, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("bai-viet/<slug:slug>-<int:pk>/", views.ArticleDetailView.as_view(), name="detail"),
    path("xem-truoc/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("chuyen-muc/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("chuyen-muc/<slug:slug>/rss/", feeds.CategoryFeed(), name="category_feed"),
    path("loat-bai/<slug:slug>/", views.SeriesView.as_view(), name="series"),
    path("loat-bai/<slug:slug>/rss/", feeds.SeriesFeed(), name="series_feed"),
    path("tim-kiem/", views.SearchView.as_view(), name="search"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("tai-anh-len/", uploads.image_upload, name="image_upload"),
]
