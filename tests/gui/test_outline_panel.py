"""The outline panel after an edit: same headings, moved offsets -> the tree stays and a
click jumps to the new offset (issue 11: no Qt call per heading on every edit)."""
from reviewer.core.structure import OutlineItem
from reviewer.gui.outline_panel import OutlinePanel


def _outline(shift: int = 0, extra: bool = False):
    items = [OutlineItem("part", "开头", 0 + shift, 5 + shift),
             OutlineItem("heading", "一、总体要求", 10 + shift, 16 + shift, level=1),
             OutlineItem("heading", "（一）指导思想", 20 + shift, 27 + shift, level=2),
             OutlineItem("part", "结尾", 40 + shift, 45 + shift, missing=True)]
    if extra:
        items.insert(3, OutlineItem("heading", "二、主要任务", 30 + shift, 36 + shift, level=1))
    return items


def _all_nodes(panel):
    out = []

    def walk(node):
        out.append(node)
        for k in range(node.childCount()):
            walk(node.child(k))

    for k in range(panel.topLevelItemCount()):
        walk(panel.topLevelItem(k))
    return out


def test_shifted_outline_keeps_the_tree_and_jumps_to_new_offsets(qtbot):
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_outline(_outline())
    nodes = _all_nodes(panel)
    assert [panel.offset_of(n) for n in nodes] == [0, 10, 20, 40]
    panel.set_outline(_outline(shift=3))
    assert _all_nodes(panel) == nodes  # the same items: not rebuilt
    assert [panel.offset_of(n) for n in nodes] == [3, 13, 23, 43]
    jumps = []
    panel.jump_requested.connect(jumps.append)
    panel.itemClicked.emit(nodes[2], 0)
    assert jumps == [23]


def test_changed_outline_rebuilds_the_tree(qtbot):
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_outline(_outline())
    panel.set_outline(_outline(shift=1, extra=True))
    assert panel.headings() == [("一、总体要求", 1), ("（一）指导思想", 2), ("二、主要任务", 1)]
    assert [panel.offset_of(n) for n in _all_nodes(panel)] == [1, 11, 21, 31, 41]


def test_a_long_entry_shows_its_full_text_as_tooltip(qtbot):
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.resize(160, 300)
    panel.show()
    long_heading = "二、坚持以人民为中心的发展思想，扎实推进共同富裕"
    panel.set_outline([OutlineItem("heading", "一、总体要求", 0, 6, level=1),
                       OutlineItem("heading", long_heading, 10, 10 + len(long_heading), level=1)])
    short, long = (panel.visualItemRect(panel.topLevelItem(k)).center() for k in range(2))
    assert panel.tooltip_at(long) == long_heading
    assert panel.tooltip_at(short) == ""
