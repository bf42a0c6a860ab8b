"""设置: rules and categories on/off, genre, reference documents, user rules, the speaker's locality."""
from __future__ import annotations

import os

from PySide6.QtCore import QRegularExpression, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QRegularExpressionValidator
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLineEdit, QListWidget, QPushButton, QTabWidget, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ..core import categories

# Rule folders whose rules raise findings of other categories (rules/structure: missing
# parts, cut-off text, reference checks).
RULE_GROUPS = {"structure": "文稿结构（缺少部分、文稿不完整、参考文稿）"}


class SettingsDialog(QDialog):
    def __init__(self, settings, rules, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("设置"))
        self.resize(640, 520)
        tabs = QTabWidget()

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("规则"), self.tr("编号")])
        off_rules = set(settings.get("disabled_rules"))
        off_cats = set(settings.get("disabled_categories"))
        by_cat: dict[str, QTreeWidgetItem] = {}
        for rule in sorted(rules, key=lambda r: (r.category, r.id)):
            parent_item = by_cat.get(rule.category)
            if parent_item is None:
                label = RULE_GROUPS.get(rule.category) or categories.label(rule.category)
                parent_item = QTreeWidgetItem([label, rule.category])
                parent_item.setFlags(parent_item.flags() | Qt.ItemIsUserCheckable)
                parent_item.setCheckState(0, Qt.Unchecked if rule.category in off_cats else Qt.Checked)
                self.tree.addTopLevelItem(parent_item)
                by_cat[rule.category] = parent_item
            item = QTreeWidgetItem([rule.name, rule.full_id])
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(0, Qt.Unchecked if rule.full_id in off_rules else Qt.Checked)
            item.setToolTip(0, rule.description or rule.message)
            parent_item.addChild(item)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        tabs.addTab(self.tree, self.tr("检查项目"))

        general = QWidget()
        form = QFormLayout(general)
        self.genre = QComboBox()
        self.genre.addItem(self.tr("自动（按标题判断）"), "")
        from ..core.structure import shipped_profiles

        for g in sorted(shipped_profiles().genres.values(), key=lambda g: g.name):
            self.genre.addItem(g.name, g.id)
        self.genre.setCurrentIndex(max(0, self.genre.findData(settings.get("genre"))))
        form.addRow(self.tr("文种"), self.genre)
        self.locality = QLineEdit(settings.get("locality"))
        self.locality.setPlaceholderText(self.tr("如：青阳县"))
        self.org = QLineEdit(settings.get("organization"))
        self.org.setPlaceholderText(self.tr("如：青阳县民政局"))
        form.addRow(self.tr("本地区"), self.locality)
        self.draft_date = QLineEdit(settings.get("draft_date"))
        self.draft_date.setPlaceholderText(self.tr("如：2024；留空则按标题、正文和文件属性推断"))
        self.draft_date.setValidator(QRegularExpressionValidator(QRegularExpression(r"(19|20)\d\d(-\d{1,2}(-\d{1,2})?)?"), self))
        form.addRow(self.tr("文稿年份"), self.draft_date)
        form.addRow(self.tr("本单位"), self.org)
        rules_row = QHBoxLayout()
        self.rules_dir = QLineEdit(settings.get("user_rules_dir"))
        choose = QPushButton(self.tr("选择…"))
        choose.clicked.connect(self._choose_rules_dir)
        show = QPushButton(self.tr("打开文件夹"))
        show.clicked.connect(self._open_rules_dir)
        rules_row.addWidget(self.rules_dir, 1)
        rules_row.addWidget(choose)
        rules_row.addWidget(show)
        form.addRow(self.tr("自定义规则文件夹"), rules_row)
        tabs.addTab(general, self.tr("常规"))

        refs = QWidget()
        rl = QVBoxLayout(refs)
        self.refs = QListWidget()
        self.refs.addItems(settings.get("references"))
        rl.addWidget(self.refs)
        row = QHBoxLayout()
        for text, slot in ((self.tr("添加文件…"), self._add_ref_files), (self.tr("添加文件夹…"), self._add_ref_dir),
                           (self.tr("移除"), self._remove_ref)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            row.addWidget(b)
        rl.addLayout(row)
        tabs.addTab(refs, self.tr("参考文稿"))

        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        lay.addWidget(buttons)

    def _choose_rules_dir(self):
        d = QFileDialog.getExistingDirectory(self, self.tr("自定义规则文件夹"), self.rules_dir.text())
        if d:
            self.rules_dir.setText(d)

    def _open_rules_dir(self):
        d = self.rules_dir.text().strip()
        if d:
            os.makedirs(d, exist_ok=True)
            QDesktopServices.openUrl(QUrl.fromLocalFile(d))

    def _add_ref_files(self):
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("参考文稿"), "", "文稿 (*.docx *.txt)")
        self.refs.addItems(files)

    def _add_ref_dir(self):
        d = QFileDialog.getExistingDirectory(self, self.tr("参考文稿文件夹"))
        if d:
            self.refs.addItem(d)

    def _remove_ref(self):
        for item in self.refs.selectedItems():
            self.refs.takeItem(self.refs.row(item))

    def accept(self):
        s = self.settings
        off_rules, off_cats, shown_rules, shown_cats = [], [], set(), set()
        for i in range(self.tree.topLevelItemCount()):
            cat = self.tree.topLevelItem(i)
            shown_cats.add(cat.text(1))
            if cat.checkState(0) != Qt.Checked:
                off_cats.append(cat.text(1))
            for j in range(cat.childCount()):
                item = cat.child(j)
                shown_rules.add(item.text(1))
                if item.checkState(0) != Qt.Checked:
                    off_rules.append(item.text(1))
        # Ids this dialog does not list (a user folder not loaded now, an older version's
        # rule) stay as they were: pressing OK never turns a rule back on unseen.
        kept_rules = [r for r in s.get("disabled_rules") if r not in shown_rules]
        kept_cats = [c for c in s.get("disabled_categories") if c not in shown_cats]
        s.set("disabled_rules", sorted(set(kept_rules + off_rules)))
        s.set("disabled_categories", sorted(set(kept_cats + off_cats)))
        s.set("genre", self.genre.currentData() or "")
        s.set("locality", self.locality.text().strip())
        s.set("draft_date", self.draft_date.text().strip())
        s.set("organization", self.org.text().strip())
        s.set("user_rules_dir", self.rules_dir.text().strip())
        s.set("references", [self.refs.item(i).text() for i in range(self.refs.count())])
        super().accept()
