# SPDX-License-Identifier: GPL-3.0-or-later
"""The patches, one module per part of the standard library, each applied when that part is imported."""
