import json
import subprocess
import sys

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review
from reviewer.core.loaders import load
from reviewer.core.rules import RuleLoadError
from reviewer.core.structure import load_profiles
from tests.conftest import ROOT, shared

SPEECH = """在全县乡村振兴工作推进会上的汇报发言
尊敬的各位领导，同志们：
根据会议安排，现将我镇乡村振兴工作情况汇报如下。
一、主要做法
（一）抓产业
我们坚持一村一品，培育茶叶、蔬菜等特色产业，全年新增合作社12家，带动群众增收。
（二）抓人才
我们实施头雁工程，选派年轻干部到村任职，培训致富带头人300人次，为乡村振兴注入活力。
二、存在的问题
一是产业链条较短，二是人才支撑不足。
三、下一步打算
我们将持续用力，推动乡村振兴取得新成效。
汇报完毕，谢谢大家！
"""


def missing(report, severity="warning"):
    return sorted(f.section for f in report.findings if f.category == "missing_section" and f.severity == severity)


def test_complete_speech_has_no_missing_parts(rules):
    rep = review(Document.from_text(SPEECH), rules)
    assert rep.genre == "report_speech" and "汇报发言" in rep.genre_reason
    assert missing(rep) == []


def test_outline_has_title_parts_and_headings_with_levels(rules):
    rep = review(Document.from_text(SPEECH), rules)
    kinds = [(o.kind, o.text[:6], o.level) for o in rep.outline]
    assert kinds[0] == ("title", "在全县乡村振", 0)
    headings = [(o.text, o.level) for o in rep.outline if o.kind == "heading"]
    assert headings[:3] == [("一、主要做法", 1), ("（一）抓产业", 2), ("（二）抓人才", 2)]
    for o in rep.outline:
        if o.kind == "heading":
            assert SPEECH[o.start:o.start + len(o.text)] == o.text
    parts = [o.section for o in rep.outline if o.kind == "part"]
    assert {"salutation", "body", "next_steps", "closing"} <= set(parts)


def test_missing_salutation_and_closing_are_anchored(rules):
    text = SPEECH.replace("尊敬的各位领导，同志们：\n", "").replace("汇报完毕，谢谢大家！\n", "")
    rep = review(Document.from_text(text), rules)
    assert missing(rep) == ["closing", "salutation"]
    by = {f.section: f for f in rep.findings if f.category == "missing_section"}
    assert by["salutation"].start == text.index("\n") + 1  # right after the title
    assert by["closing"].start == len(text.rstrip())


@pytest.mark.parametrize("title,genre", [
    ("2024年“我们的节日”主题活动计划", "plan"), ("关于开展安全生产大检查的实施方案", "plan"),
    ("在全市文明创建工作会议上的讲话", "leader_speech"), ("2023年度个人述职报告", "debrief"),
    ("学习二十大精神心得体会", "reflection"), ("2023年民政局工作总结", "summary"),
])
def test_genre_from_title(rules, title, genre):
    rep = review(Document.from_text(title + "\n" + "正文内容。" * 40), rules)
    assert rep.genre == genre


def test_genre_override(rules):
    rep = review(Document.from_text(SPEECH), rules, ReviewOptions(genre="plan"))
    assert rep.genre == "plan" and rep.genre_reason == "按指定文种检查"
    assert "objectives" in missing(rep)


def test_truncated_draft_is_reported(rules):
    text = SPEECH.split("三、下一步打算")[0] + "三、下一步打算\n我们将持续用力，推动产业提质增效，加快人才队伍建设，为全县乡村振兴作出"
    rep = review(Document.from_text(text), rules)
    cut = [f for f in rep.findings if f.rule == "structure.truncated"]
    assert len(cut) == 1 and cut[0].text == "为全县乡村振兴作出"


def test_signature_ending_is_not_truncation(rules):
    rep = review(Document.from_text(SPEECH + "青山镇人民政府\n2024年3月15日\n"), rules)
    assert not any(f.rule == "structure.truncated" for f in rep.findings)


def test_meeting_notice_topics_are_required(rules, tmp_path):
    notice = Document.from_text("关于召开推进会的通知\n各乡镇：\n请主要负责同志作汇报发言，汇报内容包括："
                                "1.工作进展；2.存在问题；3.下一步打算。\n", path="通知.txt")
    text = SPEECH.replace("二、存在的问题\n一是产业链条较短，二是人才支撑不足。\n", "")
    rep = review(Document.from_text(text), rules, ReviewOptions(references=(notice,)))
    msgs = [f.message for f in rep.findings if f.rule == "structure.notice-topic"]
    assert msgs == ["会议通知要求汇报“存在问题”，本稿未见对应内容。"]


def test_reference_makes_customary_part_expected(rules):
    # leader_speech calls the closing customary (info); two references with one make it expected.
    speech = "在全县安全生产工作会议上的讲话\n同志们：\n" + "今天召开会议，主要任务是部署安全生产工作。" * 8 + "\n"
    ref = Document.from_text(speech + "我就讲这些，谢谢大家！\n", path="去年讲话.txt")
    plain = review(Document.from_text(speech), rules)
    assert missing(plain) == [] and "closing" in missing(plain, "info")
    with_ref = review(Document.from_text(speech), rules, ReviewOptions(references=(ref, ref)))
    assert missing(with_ref) == ["closing"]


def test_seed_004_against_000_and_001():
    seeds = shared("seeds")
    refs = (load(seeds / "000_2b1bcdec9dc714f6.txt"), load(seeds / "001_66caa9cd159b2e3a.txt"))
    from reviewer.core.rules import load_rules

    rep = review(load(seeds / "004_cf9338460a426b92.txt"), load_rules(), ReviewOptions(references=refs))
    assert missing(rep) == ["closing", "salutation"]


def test_seed_001_against_000():
    seeds = shared("seeds")
    from reviewer.core.rules import load_rules

    rep = review(load(seeds / "001_66caa9cd159b2e3a.txt"), load_rules(),
                 ReviewOptions(references=(load(seeds / "000_2b1bcdec9dc714f6.txt"),)))
    assert missing(rep) == ["next_steps"]


def test_reference_folder_of_mixed_files_from_cli(tmp_path):
    seeds, docx = shared("seeds"), shared("seeds_docx")
    folder = tmp_path / "refs"
    folder.mkdir()
    (folder / "a.txt").write_bytes((seeds / "000_2b1bcdec9dc714f6.txt").read_bytes())
    (folder / "b.docx").write_bytes((docx / "001_66caa9cd159b2e3a.docx").read_bytes())
    out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--format", "json", "--reference", str(folder),
                          str(seeds / "004_cf9338460a426b92.txt")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    warn = sorted(i["section"] for i in data["issues"] if i["category"] == "missing_section"
                  and i["severity"] == "warning")
    assert warn == ["closing", "salutation"]


def test_empty_reference_folder_is_an_error(tmp_path):
    out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--reference", str(tmp_path),
                          str(ROOT / "resources" / "samples" / "示例-汇报发言.txt")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2 and "没有" in out.stderr


def test_profile_unknown_key_is_a_load_error(tmp_path):
    import shutil

    folder = tmp_path / "genres"
    shutil.copytree(ROOT / "rules" / "genres", folder)
    (folder / "plan.yaml").write_text((folder / "plan.yaml").read_text(encoding="utf-8") + "colour: red\n",
                                      encoding="utf-8")
    with pytest.raises(RuleLoadError) as err:
        load_profiles(folder)
    assert err.value.key == "colour" and "plan.yaml" in err.value.file


def test_run_in_headings_and_docx_headings_in_outline(rules, tmp_path):
    text = ("在全县基层治理工作会议上的汇报发言\n"
            "做好加法，完善组织体系。我们推动县、街道、社区、网格四级联动，建立协调机制，定期研究解决问题。\n"
            "做好减法，减轻基层负担。我们精简会议文件，优化考核评价，让基层干部有更多时间抓落实。\n"
            "今年以来，成效明显。我们坚持问题导向，推动各项工作落地见效，群众满意度持续提升。\n")
    rep = review(Document.from_text(text), rules)
    assert [o.text for o in rep.outline if o.kind == "heading"] == ["做好加法，完善组织体系", "做好减法，减轻基层负担"]
    import docx

    d = docx.Document()
    d.add_paragraph("关于基层治理工作的汇报")
    d.add_heading("总体情况", level=1)
    d.add_paragraph("正文内容，正文内容。")
    d.add_paragraph().add_run("加粗的小标题").bold = True
    d.add_paragraph("正文内容，正文内容。")
    d.save(tmp_path / "h.docx")
    rep = review(load(tmp_path / "h.docx"), rules)
    assert [(o.text, o.level) for o in rep.outline if o.kind == "heading"] == [("总体情况", 1), ("加粗的小标题", 1)]
