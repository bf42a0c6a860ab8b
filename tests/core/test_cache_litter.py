"""Old dictionary copies in the user's cache are removed; the other caches are kept."""
from reviewer.core import segment


def test_older_dictionary_copies_removed_others_kept(tmp_path):
    keep = segment.dictionary_name()
    names = [
        keep,
        "jieba-0.42.1-min10-packed.marshal",        # the first packed format
        "jieba-0.39-min10-packed2.marshal",          # another jieba's
        "jieba-0.42.1-tags-min10-bytag2.marshal",    # the tag cache: not ours to remove
        "jieba-0.42.1-confusion-300-200-sametone-packed5.marshal",
        "rules-py311-sre20220615-v2.marshal",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    segment.remove_older_copies(tmp_path)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([keep, names[3], names[4], names[5]])


def test_missing_folder_is_no_error(tmp_path):
    segment.remove_older_copies(tmp_path / "absent")
