// SPDX-License-Identifier: GPL-3.0-or-later
#include "semaphorepanel.h"

#include "model/runmodel.h"
#include "statepalette.h"

#include <qcustomplot.h>

namespace ProcViz {

SemaphorePanel::SemaphorePanel(QWidget* parent)
    : LiveChart(parent)
{
    plot()->yAxis->ticker()->setTickCount(4);
    m_inUse = plot()->addGraph();
    m_inUse->setLineStyle(QCPGraph::lsStepLeft);
    m_limit = new QCPItemStraightLine(plot());
    m_limitLabel = new QCPItemText(plot());
    m_limitLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_limitLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    applySeriesStyle();
    clearRun();
    retranslate();
}

void SemaphorePanel::retranslate()
{
    LiveChart::retranslate();
    setValueAxisLabel(tr("permits in use"), tr("permits"));
}

void SemaphorePanel::clearRun()
{
    m_inUse->data()->clear();
    m_pointCount = 0;
    m_limit->setVisible(false);
    m_limitLabel->setVisible(false);
}

bool SemaphorePanel::updateFromModel()
{
    const qint64 permits = model()->params().value(QStringLiteral("permits")).toLongLong();
    const qint64 workers = model()->params().value(QStringLiteral("workers")).toLongLong();
    m_limit->point1->setCoords(0, double(permits));
    m_limit->point2->setCoords(1, double(permits));
    m_limit->setVisible(true);
    m_limitLabel->position->setCoords(0.02, double(permits));
    m_limitLabel->setText(tr("limit: %1 permits").arg(permits));
    m_limitLabel->setVisible(true);
    for (const auto& series : model()->runSamples()) {
        if (series.name != QLatin1String("holders"))
            continue;
        if (series.points.size() < m_pointCount) {
            m_inUse->data()->clear();
            m_pointCount = 0;
        }
        for (qsizetype i = m_pointCount; i < series.points.size(); ++i)
            m_inUse->addData(double(series.points[i].timeNs) / 1e9, double(series.points[i].value));
        m_pointCount = series.points.size();
    }
    plot()->yAxis->setRange(0, double(std::max(permits, workers)) + 0.8);
    return true;
}

void SemaphorePanel::applySeriesStyle()
{
    const QColor text = palette().color(QPalette::WindowText);
    const QColor holding = StatePalette::stateColor(WorkerState::Holding);
    m_inUse->setPen(QPen(holding, scaled(4)));
    QColor fill = holding;
    fill.setAlpha(60);
    m_inUse->setBrush(fill);
    m_limit->setPen(QPen(QColor(0xD55E00), scaled(3), Qt::DashLine));
    m_limitLabel->setColor(text);
    QFont bold = chartFont(1.3);
    bold.setBold(true);
    m_limitLabel->setFont(bold);
}

} // namespace ProcViz
