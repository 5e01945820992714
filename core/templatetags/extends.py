"""`{% extends %}` as Django's, but the root template's blocks are found once per template.

Django's ExtendsNode walks every node of the root template (`base.html`: a few hundred) to
list its `{% block %}`s on every render of every page that extends it; this one keeps that
list on the compiled root template, which the cached loader keeps for the life of the
process (with DEBUG, templates are compiled again on each render, and so is the list).
Registered as a builtin (settings.TEMPLATES), so it replaces Django's tag everywhere.
"""

from django import template
from django.template.base import TextNode
from django.template.loader_tags import BLOCK_CONTEXT_KEY, BlockContext, BlockNode, do_extends
from django.template.loader_tags import ExtendsNode as DjangoExtendsNode

register = template.Library()


def _root_blocks(compiled_parent) -> dict | None:
    """The blocks of `compiled_parent` by name if it extends nothing itself, else None."""
    try:
        return compiled_parent._root_blocks
    except AttributeError:
        pass
    blocks = None
    for node in compiled_parent.nodelist:
        # The ExtendsNode has to be the first non-text node.
        if not isinstance(node, TextNode):
            if not isinstance(node, DjangoExtendsNode):
                blocks = {n.name: n for n in compiled_parent.nodelist.get_nodes_by_type(BlockNode)}
            break
    compiled_parent._root_blocks = blocks
    return blocks


class ExtendsNode(DjangoExtendsNode):
    def render(self, context):
        compiled_parent = self.get_parent(context)
        if BLOCK_CONTEXT_KEY not in context.render_context:
            context.render_context[BLOCK_CONTEXT_KEY] = BlockContext()
        block_context = context.render_context[BLOCK_CONTEXT_KEY]
        block_context.add_blocks(self.blocks)
        blocks = _root_blocks(compiled_parent)
        if blocks is not None:
            block_context.add_blocks(blocks)
        with context.render_context.push_state(compiled_parent, isolated_context=False):
            return compiled_parent._render(context)


@register.tag("extends")
def extends(parser, token):
    node = do_extends(parser, token)
    return ExtendsNode(node.nodelist, node.parent_name, node.template_dirs)
