// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportfile.h"

#include "export/atomicfile.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QPdfWriter>
#include <qcustomplot.h>

namespace ProcViz {

QString ExportFile::cannotWrite(const QString& path, const QString& reason)
{
    return tr("Cannot write '%1': %2").arg(path, reason);
}

bool ExportFile::writePng(const QImage& image, const QString& path, QString* error)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image)) {
        if (error)
            *error = cannotWrite(path, writer.errorString());
        return false;
    }
    return writeFileAtomically(path, buffer.data(), error);
}

bool ExportFile::writePdf(const QString& path, const QSizeF& pageSize, int dpi, const QString& title,
    const std::function<void(QCPPainter&)>& paint, QString* error)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("ProcViz"));
        // Text is sized for the device it is drawn on: at the screen's DPI a 10 pt label takes as many units as
        // it takes pixels in the window, so nothing laid out for the screen overflows or shrinks on the page.
        writer.setResolution(dpi);
        writer.setPageMargins({});
        const QSizeF points = pageSize * 72.0 / dpi;
        writer.setPageSize(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch));
        QCPPainter painter;
        if (!painter.begin(&writer)) {
            if (error)
                *error = cannotWrite(path, tr("the PDF could not be started"));
            return false;
        }
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        paint(painter);
    } // the writer finishes the document when it goes
    return writeFileAtomically(path, buffer.data(), error);
}

} // namespace ProcViz
