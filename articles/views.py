from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.views.generic import DetailView, ListView, TemplateView

from core.pagecache import CacheablePageMixin, fragment_version
from core.roles import can_preview_article

from .models import Article, Category, Series
from .related import related_links
from .search import RESULT_LIMIT, clean_query, ranked_ids, search_plan, search_result, suggest
from .services import CARDS_SCOPE, TAXONOMY_SCOPE
from .taxonomy import attach_taxonomy
from .viewcounts import record_view

RELATED_COUNT = 10


class CardListPageMixin(CacheablePageMixin):
    """A cacheable page of article cards: their comment counts change it too."""

    @classmethod
    def page_cache_scopes(cls, url_kwargs):
        return [CARDS_SCOPE]


class ArticlePageMixin:
    """The article page around its story: the other articles of its category, newer and
    older. Every view that shows an article as readers see it shares this (the comments app
    extends it for the comment page and plugs its section in with `{% comment_section %}`)."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Read only when the template's fragment of them is not cached (they change with
        # the site's version, not with the article's comments or views): the template
        # calls it.
        context["related_articles"] = lambda: related_links(
            self.request, self.object, RELATED_COUNT
        )
        # The story's fragments are keyed by the article's last edit and this version (its
        # category's and series' names), not the site's: another article's change keeps them.
        context["taxonomy_version"] = fragment_version(self.request, TAXONOMY_SCOPE)
        # Said even when false: the template asks for both several times, and a name the
        # context lacks costs the template engine an exception each time.
        context.setdefault("is_preview", False)
        context.setdefault("is_comment_page", False)
        return context


class HomeView(CardListPageMixin, TemplateView):
    template_name = "articles/home.html"
    per_category = 4

    def get_context_data(self, **kwargs):
        published = Article.objects.published().for_listing()
        latest = list(published[:9])
        lead = next((a for a in latest if a.is_featured), None) or (latest[0] if latest else None)
        sections: dict[int, dict] = {}
        for article in published.latest_per_category(self.per_category):
            section = sections.setdefault(
                article.category_id, {"category": article.category, "articles": []}
            )
            section["articles"].append(article)
        return super().get_context_data(
            lead_article=lead,
            latest_articles=[a for a in latest if a != lead][:8],
            sections=list(sections.values()),
            **kwargs,
        )


class ArticleDetailView(CacheablePageMixin, ArticlePageMixin, DetailView):
    def get_object(self, queryset=None):
        # By its key alone (a query compiled once per process), then the rule of
        # published() checked on the row.
        article = Article.objects.detail(self.kwargs["pk"])
        if article is None or not article.is_published:
            raise Http404
        attach_taxonomy(self.request, article)
        return article

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.slug != kwargs["slug"]:
            return redirect(self.object, permanent=True)
        record_view(request, self.object.pk)
        return self.render_to_response(self.get_context_data(object=self.object))

    @classmethod
    def page_cache_scopes(cls, url_kwargs):
        # Its comments and its view count change this page only; the categories' and
        # series' names are read with them (for the story's fragments), not once more.
        return [f"article:{url_kwargs['pk']}", TAXONOMY_SCOPE]

    @classmethod
    def page_cache_hit(cls, request, url_kwargs):
        # A reader served from the page cache is counted all the same.
        record_view(request, url_kwargs["pk"])


class ArticlePreviewView(LoginRequiredMixin, ArticlePageMixin, DetailView):
    """An unpublished article as it will look, for the staff who may edit it."""

    def get_object(self, queryset=None):
        article = get_object_or_404(Article.objects.for_detail(), pk=self.kwargs["pk"])
        if not can_preview_article(self.request.user, article):
            raise Http404
        attach_taxonomy(self.request, article)
        return article

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
        return response


class CategoryView(CardListPageMixin, ListView):
    template_name = "articles/category.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.category = get_object_or_404(
            Category.objects.select_related("parent"), slug=self.kwargs["slug"]
        )
        return Article.objects.published().in_category(self.category).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            category=self.category,
            subcategories=self.category.children.all(),
            **kwargs,
        )


class SeriesView(CardListPageMixin, ListView):
    template_name = "articles/series.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.series = get_object_or_404(Series, slug=self.kwargs["slug"])
        return Article.objects.published().in_series(self.series).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            series=self.series,
            **kwargs,
        )


class RankedArticles:
    """The ranked ids of a search as a sequence the paginator slices: only the articles of
    the page shown are read (one query)."""

    def __init__(self, queryset, ids: list[int]):
        self.queryset, self.ids = queryset, ids

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        ids = self.ids[index]
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        articles = self.queryset.in_bulk(ids)
        return [articles[pk] for pk in ids if pk in articles]


class SearchView(CardListPageMixin, ListView):
    """Published articles matching the reader's words, with or without diacritics."""

    template_name = "articles/search.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.query = clean_query(self.request.GET.get("q"))
        self.plan = search_plan(self.query) if self.query else None
        published = Article.objects.published()
        self.ranking = ranked_ids(published, self.plan)
        return RankedArticles(published.for_search(), self.ranking.ids)

    def paginate_queryset(self, queryset, page_size):
        # A stale or hand-edited page number shows the nearest page, not an error.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        page.object_list = list(page.object_list)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = list(self.plan.terms) if self.plan else []
        suggestion = None
        if self.plan and not self.ranking.ids:
            suggestion = suggest(Article.objects.published(), self.plan)
        context.update(
            search_query=self.query,
            results=[search_result(article, terms) for article in context["articles"]],
            extra_query=urlencode({"q": self.query}),
            more_results=self.ranking.more,
            result_limit=number_format(RESULT_LIMIT, force_grouping=True),
            suggestion=suggestion,
            suggestion_query=urlencode({"q": suggestion}) if suggestion else "",
        )
        return context
