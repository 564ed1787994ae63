// SPDX-License-Identifier: GPL-3.0-or-later
#include "fittingscrollarea.h"

#include <QEvent>
#include <QScrollBar>

namespace ProcViz {

FittingScrollArea::FittingScrollArea(QWidget* widget, QWidget* parent)
    : QScrollArea(parent)
{
    setWidget(widget);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    widget->installEventFilter(this);
}

QSize FittingScrollArea::sizeHint() const
{
    const QWidget* content = widget();
    const QSize hint = content->sizeHint();
    const int width = viewport()->width() > 0 ? viewport()->width() : hint.width();
    const int height = content->hasHeightForWidth() ? content->heightForWidth(width) : hint.height();
    return {hint.width(), height};
}

QSize FittingScrollArea::minimumSizeHint() const
{
    // Enough for a line and the scroll bar's arrows; the rest scrolls.
    return {widget()->minimumSizeHint().width(), verticalScrollBar()->sizeHint().height() * 2};
}

bool FittingScrollArea::eventFilter(QObject* watched, QEvent* event)
{
    // The widget's content changed what it needs: ask the window's layout again.
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        updateGeometry();
    return QScrollArea::eventFilter(watched, event);
}

} // namespace ProcViz
