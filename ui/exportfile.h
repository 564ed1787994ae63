// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSizeF>
#include <QString>

#include <functional>

class QCPPainter;
class QImage;

namespace ProcViz {

// The window's picture exports go through core's atomic writer, like the run exports: a failed export
// (a full disk, a folder that went away) leaves nothing behind, and a reader never sees half a file.

/// Writes @p image as PNG. On failure returns false and sets @p error, naming the file.
bool writePngFile(const QImage& image, const QString& path, QString* error);

/// Writes a one-page vector PDF of @p pageSize points with @p title in its metadata; @p paint draws the page
/// in points. A QCPPainter, so that QCustomPlot can draw its charts on it as vectors.
bool writePdfFile(const QString& path, const QSizeF& pageSize, const QString& title,
    const std::function<void(QCPPainter&)>& paint, QString* error);

} // namespace ProcViz
