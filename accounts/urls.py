"""The login's second step and the first-login set-up; mounted under the admin's path."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.second_factor, name="second_factor"),
    path("setup/", views.set_up, name="set_up"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
]
