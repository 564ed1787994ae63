// SPDX-License-Identifier: GPL-3.0-or-later
#include "textfit.h"

#include <QFontMetrics>
#include <QString>
#include <qcustomplot.h>

namespace ProcViz {

QFont fittedFont(QFont font, const QString& text, QSize room, double smallestPointSize)
{
    // Steps of a tenth: a handful of measurements at most, and the result does not jitter between sizes
    // while the plot is resized.
    while (font.pointSizeF() * 0.9 >= smallestPointSize) {
        const QSize needed = QFontMetrics(font).size(0, text);
        if (needed.width() <= room.width() && needed.height() <= room.height())
            break;
        font.setPointSizeF(font.pointSizeF() * 0.9);
    }
    return font;
}

void fitIntoPlot(QCPItemText* label, const QFont& font, double widthShare, double heightShare)
{
    const QRect plotRect = label->parentPlot()->axisRect()->rect();
    const QMargins padding = label->padding();
    const QSize room(int(plotRect.width() * widthShare) - padding.left() - padding.right(),
        int(plotRect.height() * heightShare) - padding.top() - padding.bottom());
    label->setFont(fittedFont(font, label->text(), room));
}

} // namespace ProcViz
