#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the hicolor PNG sizes from the hand-drawn SVG. The PNGs are committed, so the build needs no SVG
# renderer; run this again after editing the SVG (needs rsvg-convert: apt-get install librsvg2-bin).
set -eu
cd "$(dirname "$0")/icons/hicolor"
svg=scalable/apps/io.github.procviz.ProcViz.svg
for size in 16 24 32 48 64 128 256; do
    mkdir -p "${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" "$svg" --output "${size}x${size}/apps/io.github.procviz.ProcViz.png"
done
