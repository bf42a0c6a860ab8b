"""A plan's work items are its sections (rules/genres/plan.yaml, tasks: other_sections): a
top-level section whose heading names none of the plan's other parts holds its tasks.  The
cases are written here, not copied from any draft."""
from reviewer.core.document import Document
from reviewer.core.engine import review
from tests.conftest import missing_sections as missing


def run(text, rules):
    return review(Document.from_text(text), rules)


def both(rep):
    return missing(rep) + missing(rep, "info")


def test_work_plan_whose_sections_are_its_work_items_has_tasks(rules):
    # a yearly work plan run into one paragraph, its sections the work itself, cut off in the third
    text = ("2024年社区下半年工作计划\n下半年，社区将紧扣年度目标推进各项工作。一、稳字当头，"
            "持续抓好安全生产和矛盾调处，做到小事不出网格。二、融合发展，完善党建引领下的共建机制，"
            "推动辖区单位认领服务项目。三、优化服务，扩大“一站式”办理事项的范围，指导符合条件")
    assert "tasks" not in both(run(text, rules))


def test_contingency_plan_sections_after_its_scope_hold_its_tasks(rules):
    text = ("学校食堂食品安全事故应急预案\n为有效应对食品安全事故，制定本预案。\n一、适用范围\n"
            "本预案适用于学校食堂。\n二、组织机构与职责\n成立应急处置领导小组。\n三、预警机制\n"
            "食堂每日检查食材，发现异常立即报告。\n四、应急响应流程\n发生事故后，立即停止供餐，")
    assert "tasks" not in both(run(text, rules))


def test_plan_with_only_its_opening_sections_still_lacks_tasks(rules):
    # background, theme, time and place: none of them is a work item
    text = ("社区重阳节敬老活动方案\n一、活动背景\n重阳节是中华民族的传统节日。\n二、活动主题\n"
            "浓浓敬老情\n三、活动时间\n10月11日上午\n四、活动地点\n社区文化广场\n五、参加人员\n"
            "辖区七十岁以上老人。")
    assert "tasks" in both(run(text, rules))


def test_a_spaced_out_heading_is_read_without_its_spaces(rules):
    # 一、总 则 is the plan's general provisions, not its tasks
    text = ("乡防汛应急预案\n一、总 则\n为做好防汛工作，保障人民群众生命财产安全，制定本预案。"
            "本预案适用于全乡范围内突发性防汛事件的")
    assert "tasks" in both(run(text, rules))
