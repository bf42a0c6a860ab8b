"""设置: rules and categories on/off, genre, reference documents, user rules, the speaker's region."""
from __future__ import annotations

import os

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLineEdit, QListWidget, QPushButton, QTabWidget, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ..core.findings import CATEGORY_ZH


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
                parent_item = QTreeWidgetItem([CATEGORY_ZH.get(rule.category, rule.category), rule.category])
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
        self.region = QLineEdit(settings.get("region"))
        self.region.setPlaceholderText(self.tr("如：青阳县"))
        self.org = QLineEdit(settings.get("organization"))
        self.org.setPlaceholderText(self.tr("如：青阳县民政局"))
        form.addRow(self.tr("本地区"), self.region)
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
        off_rules, off_cats = [], []
        for i in range(self.tree.topLevelItemCount()):
            cat = self.tree.topLevelItem(i)
            if cat.checkState(0) != Qt.Checked:
                off_cats.append(cat.text(1))
            for j in range(cat.childCount()):
                item = cat.child(j)
                if item.checkState(0) != Qt.Checked:
                    off_rules.append(item.text(1))
        s = self.settings
        s.set("disabled_rules", off_rules)
        s.set("disabled_categories", off_cats)
        s.set("genre", self.genre.currentData() or "")
        s.set("region", self.region.text().strip())
        s.set("organization", self.org.text().strip())
        s.set("user_rules_dir", self.rules_dir.text().strip())
        s.set("references", [self.refs.item(i).text() for i in range(self.refs.count())])
        super().accept()
