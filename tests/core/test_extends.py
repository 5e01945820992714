"""`{% extends %}` (core/templatetags/extends.py) renders what Django's does, and lists the
root template's blocks once per compiled template instead of on every render."""

from unittest import mock

from django.template import Context, Engine, engines
from django.template.base import NodeList
from django.urls import reverse

TEMPLATES = {
    "root.html": "<h1>{% block title %}root{% endblock %}</h1>{% block body %}<p>root</p>{% endblock %}",
    "middle.html": '{% extends "root.html" %}{% block title %}middle: {{ block.super }}{% endblock %}',
    "page.html": '{% extends "middle.html" %}{% block body %}<p>{{ name }}</p>{% endblock %}',
}


def _engine():
    return Engine(
        loaders=[
            (
                "django.template.loaders.cached.Loader",
                [("django.template.loaders.locmem.Loader", TEMPLATES)],
            )
        ],
        builtins=["core.templatetags.extends"],
    )


def test_blocks_of_every_level_are_rendered_as_djangos_extends_does():
    ours = _engine().get_template("page.html").render(Context({"name": "Hà Nội"}))
    django = Engine(loaders=[("django.template.loaders.locmem.Loader", TEMPLATES)])
    assert ours == django.get_template("page.html").render(Context({"name": "Hà Nội"}))
    assert ours == "<h1>middle: root</h1><p>Hà Nội</p>"


def test_the_root_templates_blocks_are_listed_once():
    template = _engine().get_template("page.html")
    walk = mock.patch.object(
        NodeList, "get_nodes_by_type", autospec=True, side_effect=NodeList.get_nodes_by_type
    )
    with walk as walked:
        assert template.render(Context({"name": "Huế"})) == "<h1>middle: root</h1><p>Huế</p>"
        first = walked.call_count
        for name in ("Đà Nẵng", "Cần Thơ"):
            assert template.render(Context({"name": name})) == f"<h1>middle: root</h1><p>{name}</p>"
    assert first > 0
    assert walked.call_count == first


def test_the_sites_templates_use_it(client, db):
    assert "core.templatetags.extends" in engines["django"].engine.builtins
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<main id="main"' in html
    assert "</footer>" in html
