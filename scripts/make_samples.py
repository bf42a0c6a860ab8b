"""Regenerate resources/samples/示例-活动方案.docx (our own text, written for the app)."""
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

OUT = Path(__file__).resolve().parent.parent / "resources" / "samples" / "示例-活动方案.docx"

d = docx.Document()
d.sections[0].header.paragraphs[0].text = "XX街道办事处文件"
title = d.add_paragraph()
title.alignment = WD_ALIGN_PARAGRAPH.CENTER
run = title.add_run("2024年“邻里守望”志愿服务月活动方案")
run.bold = True
run.font.size = Pt(18)
d.add_paragraph("为深入推进新时代文明实践，弘扬志愿服务精神，经研究，决定在全街道开展“邻里守望”志愿服务月活动，现制定方案如下。")
d.add_heading("一、指导思想", level=1)
d.add_paragraph("以习近平新时代中国特色社会主义思想为指导，坚持以人民为中心，推动志愿服务常态化、制度化。")
d.add_heading("二、活动内容", level=1)
d.add_heading("（一）关爱行动", level=2)
d.add_paragraph("组织志愿者走访辖区独居老人户，为他们提供助餐、助洁、助医服务，全月计划开展服务次。")
d.add_heading("（三）环境整治", level=2)
d.add_paragraph("发动党员、志愿者清理楼道杂物，整治小区环境，由××同志负责统筹协调。")
t = d.add_table(rows=3, cols=3)
for r, row in enumerate([("社区", "志愿者人数", "服务项目"), ("XX社区", "名", "助餐、助洁"),
                         ("青山社区", "45名", "环境整治")]):
    for c, value in enumerate(row):
        t.cell(r, c).text = value
d.add_heading("三、保障措施", level=1)
d.add_paragraph("各社区要加强组织领导,明确责任分工,确保活动取得实效。活动经费从社区工作经费中列支,共计元。")
d.add_paragraph("更多精彩范文，请查看更多>>")
d.save(OUT)
print(OUT)
