// SPDX-License-Identifier: GPL-3.0-or-later
#include "fontscaling.h"

#include <QPointer>
#include <QWidget>

namespace ProcViz {

namespace {
QFont scaled(QFont font, double factor)
{
    // A font is sized in points or in pixels, never both; a pixel-sized one reports pointSizeF() == -1.
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else if (font.pixelSize() > 0)
        font.setPixelSize(qMax(1, qRound(font.pixelSize() * factor)));
    return font;
}
} // namespace

void scaleFonts(QWidget* window, double factor)
{
    // Every new font is computed before any is set: setting one may make its widget redo its children's
    // fonts on QEvent::FontChange, and those must not then be scaled a second time.
    QList<std::pair<QPointer<QWidget>, QFont>> changes;
    const auto widgets = window->findChildren<QWidget*>();
    for (auto* widget : widgets) {
        if (widget->testAttribute(Qt::WA_SetFont) && widget->window() == window)
            changes.append({widget, scaled(widget->font(), factor)});
    }
    for (const auto& [widget, font] : changes) {
        if (widget)
            widget->setFont(font);
    }
    window->setFont(scaled(window->font(), factor));
}

} // namespace ProcViz
