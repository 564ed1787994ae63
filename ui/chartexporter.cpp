// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartexporter.h"

#include "exportfile.h"

#include <qcustomplot.h>

namespace ProcViz {

QImage ChartExporter::toImage(QCustomPlot* plot, double scale)
{
    return plot->toPixmap(plot->width(), plot->height(), scale).toImage();
}

bool ChartExporter::savePng(QCustomPlot* plot, const QString& path, double scale, QString* error)
{
    return ExportFile::writePng(toImage(plot, scale), path, error);
}

bool ChartExporter::savePdf(QCustomPlot* plot, const QString& path, const QString& title, QString* error)
{
    const QSize size = plot->size();
    return ExportFile::writePdf(
        path, QSizeF(size), plot->logicalDpiY(), title,
        [&](QCPPainter& painter) { plot->toPainter(&painter, size.width(), size.height()); }, error);
}

} // namespace ProcViz
