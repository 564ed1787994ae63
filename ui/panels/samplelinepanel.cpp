// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplelinepanel.h"

#include "calloutitem.h"
#include "model/runmodel.h"
#include "panelregistry.h"
#include "scenario/scenario.h"
#include "statepalette.h"

#include <qcustomplot.h>

namespace ProcViz {

namespace {
/// Above the highest value drawn: room for the level's label over a bound and for the line's top.
constexpr double HeadRoom = 1.12;
} // namespace

SampleLinePanel::SampleLinePanel(const Scenario& scenario, QWidget* parent)
    : LiveChartPanel(scenario, parent)
    , m_spec(scenario.panel())
{
    m_line = plot()->addGraph();
    m_line->setLineStyle(m_spec.steps ? QCPGraph::lsStepLeft : QCPGraph::lsLine);
    // Every sample is a count: ticks on whole numbers, never "0.25 items".
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot()->yAxis->setTicker(ticker);
    m_level = new QCPItemStraightLine(plot());
    m_levelLabel = new QCPItemText(plot());
    m_levelLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    // An ideal is reached from below: its label goes under the line. A bound has the area under it filled, and
    // its label over it.
    m_levelLabel->setPositionAlignment(
        Qt::AlignLeft | (m_spec.level == PanelSpec::Level::Ideal ? Qt::AlignTop : Qt::AlignBottom));
    m_callout = new CalloutItem(plot());
    applySeriesStyle();
    clearRun();
    retranslate();
}

void SampleLinePanel::retranslate()
{
    LiveChartPanel::retranslate();
    const QString label = scenarioText(m_spec.axisLabel);
    setValueAxisLabel(label, *m_spec.shortAxisLabel ? scenarioText(m_spec.shortAxisLabel) : label);
}

void SampleLinePanel::clearRun()
{
    m_line->data()->clear();
    m_pointCount = 0;
    m_highest = 1;
    m_level->setVisible(false);
    m_levelLabel->setVisible(false);
    m_callout->setVisible(false);
}

bool SampleLinePanel::updateFromModel()
{
    if (!isOwnRun())
        return false;
    const auto& params = model()->params();
    if (const auto level = m_spec.levelValue ? m_spec.levelValue(params) : std::nullopt)
        showLevel(*level);
    if (m_spec.rangeAtLeast)
        m_highest = std::max(m_highest, double(m_spec.rangeAtLeast(params)));
    for (const auto& series : model()->runSamples()) {
        if (series.name != m_spec.sample)
            continue;
        if (series.points.size() < m_pointCount) { // the model thinned the series: start over
            m_line->data()->clear();
            m_pointCount = 0;
        }
        for (qsizetype i = m_pointCount; i < series.points.size(); ++i) {
            m_line->addData(double(series.points[i].timeNs) / 1e9, double(series.points[i].value));
            m_highest = std::max(m_highest, double(series.points[i].value));
        }
        m_pointCount = series.points.size();
    }
    plot()->yAxis->setRange(0, m_highest * HeadRoom + 0.5);
    if (model()->endNs() >= 0 && m_spec.callout && !model()->result().isEmpty())
        showCallout(m_spec.callout(model()->result()));
    return true;
}

void SampleLinePanel::showLevel(qint64 level)
{
    m_level->point1->setCoords(0, double(level));
    m_level->point2->setCoords(1, double(level));
    m_level->setVisible(true);
    m_levelLabel->position->setCoords(0.02, double(level));
    m_levelLabel->setText(scenarioText(m_spec.levelLabel).arg(level));
    m_levelLabel->setVisible(true);
    m_highest = std::max(m_highest, double(level));
}

void SampleLinePanel::showCallout(const PanelSpec::Callout& callout)
{
    m_callout->show(callout);
    // In the corner the line has left: a line that ends high (a counter, tasks done) would be hidden behind it
    // at the top, one that ends low (a queue's depth) at the bottom.
    const double top = plot()->yAxis->range().upper;
    const bool endsHigh = !m_line->data()->isEmpty() && (m_line->data()->constEnd() - 1)->value > top / 2;
    m_callout->setPositionAlignment(Qt::AlignRight | (endsHigh ? Qt::AlignBottom : Qt::AlignTop));
    m_callout->position->setCoords(0.98, endsHigh ? 0.96 : 0.04);
}

void SampleLinePanel::applySeriesStyle()
{
    const QColor text = palette().color(QPalette::WindowText);
    const QColor color = StatePalette::seriesColor(0, palette().color(QPalette::Base));
    m_line->setPen(QPen(color, scaled(4)));
    QColor fill = color;
    fill.setAlpha(50);
    m_line->setBrush(m_spec.filled ? QBrush(fill) : Qt::NoBrush);
    const bool bound = m_spec.level == PanelSpec::Level::Bound;
    m_level->setPen(bound ? QPen(CalloutItem::Bad, scaled(3), Qt::DashLine) : QPen(text, scaled(2), Qt::DashLine));
    m_levelLabel->setColor(text);
    QFont levelFont = chartFont(1.2);
    levelFont.setBold(bound); // a limit is what the lesson is about; an ideal is only the measure
    m_levelLabel->setFont(levelFont);
    QFont verdict = chartFont(1.5);
    verdict.setBold(true);
    m_callout->setStyle(palette(), chartFont(1.15), verdict);
}

void SampleLinePanel::fitToAxisRect()
{
    LiveChartPanel::fitToAxisRect();
    // A verdict may take most of the width, under half the height: the line runs past it. A summary's lines
    // are longer and many: at most three quarters of the width and half the height.
    const bool verdict = m_callout->isVerdict();
    m_callout->fit(verdict ? 0.9 : 0.75, verdict ? 0.45 : 0.5);
}

} // namespace ProcViz

PROCVIZ_REGISTER_PANEL(samplelinepanel, ProcViz::PanelSpec::SampleLine, ProcViz::SampleLinePanel)
