# Our own hook replaces the contributed one: only the data jieba reads at import
# (finalseg's tables) and its dictionary; not the paddle model, keyword analysis or
# part-of-speech tables, which this app never uses (about 24 MB).
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("jieba", excludes=["lac_small/**", "analyse/**", "posseg/**"])
