// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QSizeF>
#include <QString>

#include <functional>

class QCPPainter;
class QImage;

namespace ProcViz {

/// The window's picture files. They go through core's atomic writer, like the run exports: a failed export
/// (a full disk, a folder that went away) leaves nothing behind, and a reader never sees half a file.
class ExportFile
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::ExportFile)
public:
    /// Writes @p image as PNG. On failure returns false and sets @p error, naming the file.
    static bool writePng(const QImage& image, const QString& path, QString* error);

    /// Writes a one-page vector PDF with @p title in its metadata. @p paint draws on a QCPPainter (so that
    /// QCustomPlot can draw its charts as vectors) in units of 1/@p dpi inch, on a page @p pageSize of those
    /// units: given the window's logical DPI, the page is laid out like the screen, fonts the same size against
    /// the widgets.
    static bool writePdf(const QString& path, const QSizeF& pageSize, int dpi, const QString& title,
        const std::function<void(QCPPainter&)>& paint, QString* error);

private:
    static QString cannotWrite(const QString& path, const QString& reason);
};

} // namespace ProcViz
