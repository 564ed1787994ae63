// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>

class QCustomPlot;

namespace ProcViz {

/// One chart on its own, drawn by QCustomPlot: a PNG at a scale of the chart's size on screen, or a one-page
/// vector PDF. Like QCustomPlot's savePng/savePdf, but through the atomic writer (see exportfile.h).
class ChartExporter
{
public:
    /// The chart @p scale times its size on screen.
    static QImage toImage(QCustomPlot* plot, double scale);
    static bool savePng(QCustomPlot* plot, const QString& path, double scale, QString* error);
    /// The chart at its size on screen; @p title goes into the metadata.
    static bool savePdf(QCustomPlot* plot, const QString& path, const QString& title, QString* error);
};

} // namespace ProcViz
