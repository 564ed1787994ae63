// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/workerstate.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace ProcViz {

/// The colours every chart shares: one per worker state and one per series, from the Okabe–Ito palette so
/// that viewers with the common colour-vision deficiencies still tell them apart.
class StatePalette
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::StatePalette)
public:
    static QColor stateColor(WorkerState state);
    /// Translated and short enough for a legend: "holding", "zombie (not joined)"; with @p brief, shorter still
    /// where a legend is narrow ("zombie").
    static QString stateLabel(WorkerState state, bool brief = false);
    /// How many series colours there are before seriesColor() repeats.
    static constexpr int SeriesColorCount = 7;
    /// The n-th series colour; on a dark @p background the darker hues are lifted so they stay visible.
    static QColor seriesColor(int index, const QColor& background);
};

} // namespace ProcViz
