# SPDX-License-Identifier: GPL-3.0-or-later
# Stands for Debian's /usr/lib/python3.11/sitecustomize.py, which the observer's shadows: it must still run.
print('the shadowed sitecustomize ran')
