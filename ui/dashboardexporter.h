// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QSizeF>
#include <QString>

class QCPPainter;
class QTextDocument;
class QWidget;

namespace ProcViz {

/// The whole dashboard as one figure for lecture notes: a header (ExportHeader's rich text) above the window
/// as it is now. The widgets are painted through QWidget::render and every chart by QCustomPlot itself, so
/// a PDF holds vectors (but for item views, see paintWindow()) and a PNG larger than the window stays sharp
/// instead of being an enlarged screenshot.
class DashboardExporter
{
public:
    /// @p dashboard must outlive the exporter.
    DashboardExporter(QWidget* dashboard, const QString& headerHtml);

    /// Exactly @p size pixels: the header and the window scaled to fit, centred on the window's background.
    QImage toImage(const QSize& size) const;
    bool savePng(const QString& path, const QSize& size, QString* error) const;
    /// One page, the window at its size on screen with the header above it; @p title goes into the metadata.
    bool savePdf(const QString& path, const QString& title, QString* error) const;

private:
    void layOutHeader(QTextDocument& document, qreal width) const;
    qreal headerHeight(qreal width) const;
    /// Paints the header and the window into a canvas of @p canvas units, scaled to fit.
    void paint(QCPPainter& painter, const QSizeF& canvas) const;
    void paintHeader(QCPPainter& painter, qreal width) const;
    void paintWindow(QCPPainter& painter) const;

    QWidget* m_dashboard;
    QString m_headerHtml;
};

} // namespace ProcViz
