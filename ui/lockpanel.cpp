// SPDX-License-Identifier: GPL-3.0-or-later
#include "lockpanel.h"

#include "model/runmodel.h"
#include "statepalette.h"
#include "textfit.h"

#include <qcustomplot.h>

namespace ProcViz {

LockPanel::LockPanel(QWidget* parent)
    : LiveChart(parent)
{
    m_counter = plot()->addGraph();
    m_ideal = new QCPItemStraightLine(plot());
    m_idealLabel = new QCPItemText(plot());
    m_idealLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_idealLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_lostLabel = new QCPItemText(plot());
    m_lostLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_lostLabel->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_lostLabel->position->setCoords(0.98, 0.95);
    m_lostLabel->setPadding(QMargins(8, 4, 8, 4));
    m_lostLabel->setTextAlignment(Qt::AlignRight);
    applySeriesStyle();
    clearRun();
    retranslate();
}

void LockPanel::retranslate()
{
    LiveChart::retranslate();
    setValueAxisLabel(tr("shared counter"), tr("counter"));
    m_counter->setName(tr("counter in shared memory"));
}

void LockPanel::clearRun()
{
    m_counter->data()->clear();
    m_pointCount = 0;
    m_ideal->setVisible(false);
    m_idealLabel->setVisible(false);
    m_lostLabel->setVisible(false);
}

bool LockPanel::updateFromModel()
{
    const auto& params = model()->params();
    const qint64 expected = params.value(QStringLiteral("workers")).toLongLong()
        * params.value(QStringLiteral("increments")).toLongLong();
    m_ideal->point1->setCoords(0, double(expected));
    m_ideal->point2->setCoords(1, double(expected));
    m_ideal->setVisible(true);
    m_idealLabel->position->setCoords(0.02, double(expected));
    m_idealLabel->position->setTypeY(QCPItemPosition::ptPlotCoords);
    m_idealLabel->setText(tr("ideal: %L1").arg(expected));
    m_idealLabel->setVisible(true);

    for (const auto& series : model()->runSamples()) {
        if (series.name != QLatin1String("counter"))
            continue;
        if (series.points.size() < m_pointCount) {
            m_counter->data()->clear();
            m_pointCount = 0;
        }
        for (qsizetype i = m_pointCount; i < series.points.size(); ++i)
            m_counter->addData(double(series.points[i].timeNs) / 1e9, double(series.points[i].value));
        m_pointCount = series.points.size();
    }
    const auto result = model()->result();
    if (model()->endNs() >= 0 && result.contains(QLatin1String("counter"))) {
        const qint64 counter = result.value(QLatin1String("counter")).toInteger();
        const qint64 lost = result.value(QLatin1String("lost")).toInteger();
        m_counter->addData(double(model()->endNs()) / 1e9, double(counter));
        m_lostLabel->setText(lost > 0 ? tr("got %L1\n%L2 updates lost").arg(counter).arg(lost)
                                      : tr("got %L1\nno update lost").arg(counter));
        // Vermillion calls out the loss; bluish green says the total is exact.
        m_lostLabel->setBrush(QColor(lost > 0 ? 0xD55E00 : 0x009E73));
        m_lostLabel->setVisible(true);
    }
    plot()->yAxis->setRange(0, std::max<double>(expected, 1) * 1.12);
    return true;
}

void LockPanel::applySeriesStyle()
{
    const QColor text = palette().color(QPalette::WindowText);
    m_counter->setPen(QPen(StatePalette::seriesColor(0, palette().color(QPalette::Base)), scaled(4)));
    m_ideal->setPen(QPen(text, scaled(2), Qt::DashLine));
    m_idealLabel->setColor(text);
    m_idealLabel->setFont(chartFont(1.2));
    m_lostLabel->setColor(Qt::white);
    m_lostFont = chartFont(1.5);
    m_lostFont.setBold(true);
    m_lostLabel->setFont(m_lostFont);
}

void LockPanel::fitToAxisRect()
{
    LiveChart::fitToAxisRect();
    if (!m_lostLabel->visible())
        return;
    // Most of the plot's width, under half its height: the line rises behind it.
    fitIntoPlot(m_lostLabel, m_lostFont, 0.9, 0.45);
}

} // namespace ProcViz
