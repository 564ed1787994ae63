// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdio>

namespace ProcViz {

/// Writes @p text in the locale's encoding and flushes, so progress lines and messages interleave correctly.
void print(FILE* stream, const QString& text);

class Scenario;

/// The scenario's parameters for --help and `procviz list`: option, default, allowed values, help.
QString parameterHelp(const Scenario& scenario);

/// Folds a one-sentence help text for a terminal, every line indented by @p indent.
QString wrapped(const QString& text, int indent, int width = 100);

} // namespace ProcViz
