# make run   — create .venv, install, open the window on the bundled sample draft
# make test  — same set-up, then the test suite (offscreen, no display needed)
# make bench — checking time per draft size
# make package / make package-test — the double-click bundle, and its smoke test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DRAFT  ?= resources/samples/示例-汇报发言.txt

.PHONY: run test bench sysdeps clean package package-test

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

sysdeps:
	@sh scripts/sysdeps.sh

run: sysdeps $(STAMP)
	$(PY) -m reviewer "$(DRAFT)"

test: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/bench.py

package: sysdeps $(STAMP)
	$(PY) -m pip install --quiet "pyinstaller>=6.3"
	$(PY) packaging/build.py

package-test: package
	QT_QPA_PLATFORM=offscreen $(PY) packaging/smoke_test.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
