// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Include QCustomPlot through this header, never directly: qcustomplot.h (2.1) uses Qt's foreach in two
// templates (plottableAt, itemAt), and ProcViz builds with QT_NO_FOREACH, which makes them a parse error.
// Both loops only read a member list, so a range-for over a const view means the same thing.

#include <utility>

#ifndef foreach
#define foreach(variable, container) for (variable : std::as_const(container))
#define PROCVIZ_QCP_FOREACH_SHIM
#endif

#include <qcustomplot.h>

#ifdef PROCVIZ_QCP_FOREACH_SHIM
#undef foreach
#undef PROCVIZ_QCP_FOREACH_SHIM
#endif
