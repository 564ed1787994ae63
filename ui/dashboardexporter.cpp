// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardexporter.h"

#include "exportfile.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QTextDocument>
#include <QWidget>
#include <qcustomplot.h>

namespace ProcViz {

namespace {
constexpr qreal HeaderPadding = 12;
constexpr int PictureScale = 3; ///< about 300 dpi on a page the width of the window
} // namespace

DashboardExporter::DashboardExporter(QWidget* dashboard, const QString& headerHtml)
    : m_dashboard(dashboard)
    , m_headerHtml(headerHtml)
{ }

QImage DashboardExporter::toImage(const QSize& size) const
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(m_dashboard->palette().color(QPalette::Window));
    QCPPainter painter(&image);
    paint(painter, QSizeF(size));
    return image;
}

bool DashboardExporter::savePng(const QString& path, const QSize& size, QString* error) const
{
    return ExportFile::writePng(toImage(size), path, error);
}

bool DashboardExporter::savePdf(const QString& path, const QString& title, QString* error) const
{
    const QSizeF window = m_dashboard->size();
    const QSizeF page(window.width(), window.height() + headerHeight(window.width()));
    return ExportFile::writePdf(
        path, page, m_dashboard->logicalDpiY(), title,
        [&](QCPPainter& painter) {
            painter.fillRect(QRectF(QPointF(), page), m_dashboard->palette().color(QPalette::Window));
            paint(painter, page);
        },
        error);
}

void DashboardExporter::layOutHeader(QTextDocument& document, qreal width) const
{
    document.setDefaultFont(m_dashboard->font());
    document.setDocumentMargin(HeaderPadding);
    document.setTextWidth(width);
    document.setHtml(m_headerHtml);
}

qreal DashboardExporter::headerHeight(qreal width) const
{
    QTextDocument document;
    layOutHeader(document, width);
    return document.size().height();
}

void DashboardExporter::paint(QCPPainter& painter, const QSizeF& canvas) const
{
    // Laid out in the window's own units at its own width, then scaled as one: the header keeps its size
    // against the widgets whatever size the picture is.
    const QSizeF window = m_dashboard->size();
    if (window.isEmpty())
        return;
    const qreal header = headerHeight(window.width());
    const qreal scale = std::min(canvas.width() / window.width(), canvas.height() / (window.height() + header));
    const QSizeF used(window.width() * scale, (window.height() + header) * scale);
    painter.save();
    painter.translate((canvas.width() - used.width()) / 2, (canvas.height() - used.height()) / 2);
    painter.scale(scale, scale);
    paintHeader(painter, window.width());
    painter.translate(0, header);
    paintWindow(painter);
    painter.restore();
}

void DashboardExporter::paintHeader(QCPPainter& painter, qreal width) const
{
    QTextDocument document;
    layOutHeader(document, width);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = m_dashboard->palette();
    document.documentLayout()->draw(&painter, context);
    // A rule between the header and the window, in the colour of the window's frames.
    painter.setPen(QPen(m_dashboard->palette().color(QPalette::Mid), 1));
    const qreal bottom = document.size().height() - 1;
    painter.drawLine(QPointF(0, bottom), QPointF(width, bottom));
}

void DashboardExporter::paintWindow(QCPPainter& painter) const
{
    // Every widget but the charts through QWidget::render; the charts are left out of its region because
    // it would paint their cached bitmaps, and drawn next by QCustomPlot in whatever the painter paints on.
    QRegion widgets(m_dashboard->rect());
    QList<QCustomPlot*> plots;
    for (auto* plot : m_dashboard->findChildren<QCustomPlot*>()) {
        if (!plot->isVisibleTo(m_dashboard))
            continue;
        plots.append(plot);
        widgets -= QRect(plot->mapTo(m_dashboard, QPoint(0, 0)), plot->size());
    }
    // The PDF engine does not clip a child to its viewport: a list's last, half-visible item would run out over
    // the widgets below. In a PDF the item views go in as pictures, at print resolution.
    QList<QWidget*> pictures;
    if (painter.paintEngine()->type() == QPaintEngine::Pdf) {
        for (auto* view : m_dashboard->findChildren<QAbstractItemView*>()) {
            if (!view->isVisibleTo(m_dashboard))
                continue;
            pictures.append(view->viewport());
            widgets -= QRect(view->viewport()->mapTo(m_dashboard, QPoint(0, 0)), view->viewport()->size());
        }
    }
    m_dashboard->render(&painter, QPoint(), widgets, QWidget::DrawWindowBackground | QWidget::DrawChildren);
    for (auto* viewport : std::as_const(pictures)) {
        QImage picture(viewport->size() * PictureScale, QImage::Format_ARGB32_Premultiplied);
        picture.setDevicePixelRatio(PictureScale);
        picture.fill(Qt::transparent);
        viewport->render(&picture, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
        painter.drawImage(QRect(viewport->mapTo(m_dashboard, QPoint(0, 0)), viewport->size()), picture);
    }
    for (auto* plot : std::as_const(plots)) {
        const QRect area(plot->mapTo(m_dashboard, QPoint(0, 0)), plot->size());
        painter.save();
        painter.translate(area.topLeft());
        painter.setClipRect(QRect(QPoint(), area.size()));
        plot->toPainter(&painter, area.width(), area.height());
        painter.restore();
    }
}

} // namespace ProcViz
