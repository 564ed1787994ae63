// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplelinepanel.h"

#include "model/runmodel.h"
#include "statepalette.h"
#include "textfit.h"

#include <QCoreApplication>
#include <qcustomplot.h>

namespace ProcViz {

SampleLinePanel::SampleLinePanel(Spec spec, QWidget* parent)
    : LiveChart(parent)
    , m_spec(std::move(spec))
{
    m_line = plot()->addGraph();
    m_line->setLineStyle(QCPGraph::lsStepLeft);
    m_limit = new QCPItemStraightLine(plot());
    m_limitLabel = new QCPItemText(plot());
    m_limitLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_limitLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_summary = new QCPItemText(plot());
    m_summary->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    m_summary->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_summary->position->setCoords(0.98, 0.04);
    m_summary->setPadding(QMargins(8, 4, 8, 4));
    m_summary->setTextAlignment(Qt::AlignLeft);
    applySeriesStyle();
    clearRun();
    retranslate();
}

void SampleLinePanel::retranslate()
{
    LiveChart::retranslate();
    const QString label = QCoreApplication::translate("ProcViz::ScenarioPanels", m_spec.axisLabel);
    setValueAxisLabel(label, label);
}

void SampleLinePanel::clearRun()
{
    m_line->data()->clear();
    m_pointCount = 0;
    m_highest = 1;
    m_limit->setVisible(false);
    m_limitLabel->setVisible(false);
    m_summary->setVisible(false);
}

bool SampleLinePanel::updateFromModel()
{
    const qint64 limit
        = m_spec.limitParameter.isEmpty() ? 0 : model()->params().value(m_spec.limitParameter).toLongLong();
    m_limit->setVisible(limit > 0);
    m_limitLabel->setVisible(limit > 0);
    if (limit > 0) {
        m_limit->point1->setCoords(0, double(limit));
        m_limit->point2->setCoords(1, double(limit));
        m_limitLabel->position->setCoords(0.02, double(limit));
        m_limitLabel->setText(QCoreApplication::translate("ProcViz::ScenarioPanels", m_spec.limitLabel).arg(limit));
        m_highest = std::max(m_highest, double(limit));
    }
    for (const auto& series : model()->runSamples()) {
        if (series.name != m_spec.sample)
            continue;
        if (series.points.size() < m_pointCount) {
            m_line->data()->clear();
            m_pointCount = 0;
        }
        for (qsizetype i = m_pointCount; i < series.points.size(); ++i) {
            m_line->addData(double(series.points[i].timeNs) / 1e9, double(series.points[i].value));
            m_highest = std::max(m_highest, double(series.points[i].value));
        }
        m_pointCount = series.points.size();
    }
    const double top = m_highest * 1.15 + 0.5;
    if (model()->endNs() >= 0 && m_spec.summary && !model()->result().isEmpty()) {
        m_summary->setText(m_spec.summary(model()->result()));
        m_summary->setVisible(!m_summary->text().isEmpty());
        // The summary goes in the corner the line has left: a line that ends high (tasks done) would be
        // hidden behind it at the top, one that ends low (queue depth) at the bottom.
        const bool endsHigh = !m_line->data()->isEmpty() && (m_line->data()->constEnd() - 1)->value > top / 2;
        m_summary->setPositionAlignment(Qt::AlignRight | (endsHigh ? Qt::AlignBottom : Qt::AlignTop));
        m_summary->position->setCoords(0.98, endsHigh ? 0.96 : 0.04);
    }
    plot()->yAxis->setRange(0, top);
    return true;
}

void SampleLinePanel::applySeriesStyle()
{
    const QColor text = palette().color(QPalette::WindowText);
    const QColor color = StatePalette::seriesColor(0, palette().color(QPalette::Base));
    m_line->setPen(QPen(color, scaled(4)));
    QColor fill = color;
    fill.setAlpha(50);
    m_line->setBrush(fill);
    m_limit->setPen(QPen(QColor(0xD55E00), scaled(3), Qt::DashLine));
    m_limitLabel->setColor(text);
    QFont bold = chartFont(1.2);
    bold.setBold(true);
    m_limitLabel->setFont(bold);
    m_summary->setColor(text);
    m_summaryFont = chartFont(1.15);
    m_summary->setFont(m_summaryFont);
    m_summary->setBrush(palette().brush(QPalette::Base));
    m_summary->setPen(QPen(palette().color(QPalette::Mid)));
}

void SampleLinePanel::fitToAxisRect()
{
    LiveChart::fitToAxisRect();
    if (!m_summary->visible())
        return;
    // At most three quarters of the width and half the height, in the corner the line has left.
    fitIntoPlot(m_summary, m_summaryFont, 0.75, 0.5);
}

} // namespace ProcViz
