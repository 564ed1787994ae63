// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariolist.h"

#include "scenario/scenarioregistry.h"
#include "scenarioitemdelegate.h"
#include "statepalette.h"

#include <QEvent>
#include <QPainter>

namespace ProcViz {

namespace {
constexpr int IconSize = 40;
} // namespace

ScenarioList::ScenarioList(QWidget* parent)
    : QListWidget(parent)
    , m_delegate(new ScenarioItemDelegate(this))
{
    setObjectName(QStringLiteral("scenarios"));
    setIconSize(QSize(IconSize, IconSize));
    setWordWrap(true);
    setSpacing(2);
    setUniformItemSizes(false);
    setItemDelegate(m_delegate);
    // Item heights depend on the width the summaries wrap to.
    setResizeMode(QListView::Adjust);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    int position = 0;
    for (const auto* scenario : ScenarioRegistry::instance().all()) {
        auto* item = new QListWidgetItem(makeIcon(scenario->id(), position++), QString(), this);
        item->setData(Qt::UserRole, scenario->id());
    }
    retranslate();
    connect(this, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            Q_EMIT scenarioSelected(item->data(Qt::UserRole).toString());
    });
}

void ScenarioList::retranslate()
{
    for (int i = 0; i < count(); ++i) {
        auto* entry = item(i);
        const auto* scenario = ScenarioRegistry::instance().find(entry->data(Qt::UserRole).toString());
        if (!scenario)
            continue;
        entry->setText(scenario->title());
        entry->setData(ScenarioItemDelegate::SummaryRole, scenario->summary());
        entry->setToolTip(scenario->summary());
    }
}

void ScenarioList::changeEvent(QEvent* event)
{
    QListWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void ScenarioList::setCompact(bool compact)
{
    if (compact == m_delegate->isCompact())
        return;
    m_delegate->setCompact(compact);
    // The items' heights change with it.
    scheduleDelayedItemsLayout();
    viewport()->update();
}

bool ScenarioList::isCompact() const
{
    return m_delegate->isCompact();
}

QString ScenarioList::currentScenario() const
{
    return currentItem() ? currentItem()->data(Qt::UserRole).toString() : QString();
}

bool ScenarioList::selectScenario(const QString& id)
{
    for (int i = 0; i < count(); ++i) {
        if (item(i)->data(Qt::UserRole).toString() == id) {
            setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QIcon ScenarioList::makeIcon(const QString& id, int position)
{
    // A coloured disc with the scenario's initial: recognisable without art assets, and one per scenario.
    QPixmap pixmap(IconSize * 2, IconSize * 2);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(StatePalette::seriesColor(position, Qt::white));
    painter.drawEllipse(pixmap.rect().adjusted(4, 4, -4, -4));
    QFont font = painter.font();
    font.setPixelSize(IconSize);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(pixmap.rect(), Qt::AlignCenter, id.left(1).toUpper());
    return QIcon(pixmap);
}

} // namespace ProcViz
