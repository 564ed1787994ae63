// SPDX-License-Identifier: GPL-3.0-or-later
#include "calloutitem.h"

#include "textfit.h"

namespace ProcViz {

CalloutItem::CalloutItem(QCustomPlot* plot)
    : QCPItemText(plot)
{
    position->setType(QCPItemPosition::ptAxisRectRatio);
    setPadding(QMargins(8, 4, 8, 4));
    setVisible(false);
}

void CalloutItem::show(const PanelSpec::Callout& callout)
{
    setText(callout.text);
    setVisible(!callout.text.isEmpty());
    if (callout.tone != m_tone) {
        m_tone = callout.tone;
        applyTone();
    }
}

void CalloutItem::setStyle(const QPalette& palette, const QFont& summaryFont, const QFont& verdictFont)
{
    m_palette = palette;
    m_summaryFont = summaryFont;
    m_verdictFont = verdictFont;
    applyTone();
}

void CalloutItem::fit(double widthShare, double heightShare)
{
    if (visible())
        fitIntoPlot(this, isVerdict() ? m_verdictFont : m_summaryFont, widthShare, heightShare);
}

void CalloutItem::applyTone()
{
    if (isVerdict()) {
        setColor(Qt::white);
        setBrush(m_tone == PanelSpec::Callout::Tone::Good ? Good : Bad);
        setPen(Qt::NoPen);
        setTextAlignment(Qt::AlignRight);
        setFont(m_verdictFont);
    } else {
        setColor(m_palette.color(QPalette::WindowText));
        setBrush(m_palette.brush(QPalette::Base));
        setPen(QPen(m_palette.color(QPalette::Mid)));
        setTextAlignment(Qt::AlignLeft);
        setFont(m_summaryFont);
    }
}

} // namespace ProcViz
