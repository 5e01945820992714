from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content (`load_demo`). Installed in development and tests only, never packaged."""

    name = "demo"
    verbose_name = "Demo"
