// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario/panelspec.h"

#include <QFont>
#include <qcustomplot.h>

namespace ProcViz {

/// What a scenario's panel says once the run is over (PanelSpec::Callout), as a text item in the plot: a
/// verdict large, white on bluish green (the lesson's happy ending) or vermillion (what went wrong); a summary
/// a quiet box in the plot's own colours. Placing it is the panel's business; fit() keeps it to a share of
/// the plot so that it never hides what it explains.
class CalloutItem : public QCPItemText
{
public:
    /// Okabe–Ito, as the checks.
    static inline const QColor Good {0x00, 0x9E, 0x73};
    static inline const QColor Bad {0xD5, 0x5E, 0x00};

    explicit CalloutItem(QCustomPlot* plot);

    /// Shows @p callout (hidden when its text is empty), restyled if its tone changed.
    void show(const PanelSpec::Callout& callout);
    bool isVerdict() const { return m_tone != PanelSpec::Callout::Tone::Neutral; }
    /// The colours of @p palette and the fonts the panel designed for a summary and a verdict.
    void setStyle(const QPalette& palette, const QFont& summaryFont, const QFont& verdictFont);
    /// Shrinks the designed font until the box takes at most these shares of the axis rect.
    void fit(double widthShare, double heightShare);

private:
    void applyTone();

    PanelSpec::Callout::Tone m_tone = PanelSpec::Callout::Tone::Neutral;
    QPalette m_palette;
    QFont m_summaryFont;
    QFont m_verdictFont;
};

} // namespace ProcViz
