// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarioitemdelegate.h"

#include <QApplication>
#include <QListView>
#include <QPainter>

namespace ProcViz {

namespace {
constexpr int Margin = 6;
} // namespace

QFont ScenarioItemDelegate::titleFont(const QFont& base)
{
    QFont font = base;
    font.setBold(true);
    font.setPointSizeF(base.pointSizeF() * 1.1);
    return font;
}

QRect ScenarioItemDelegate::textRect(const QStyleOptionViewItem& option)
{
    const int left = option.decorationSize.width() + 2 * Margin;
    return option.rect.adjusted(left, Margin, -Margin, -Margin);
}

void ScenarioItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    opt.text.clear();
    opt.icon = QIcon();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    const QRect iconRect(option.rect.left() + Margin, option.rect.top() + Margin, option.decorationSize.width(),
        option.decorationSize.height());
    icon.paint(painter, iconRect);

    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect text = textRect(option);
    const QFont title = titleFont(option.font);
    painter->setFont(title);
    const QRect titleRect = QFontMetrics(title).boundingRect(text, Qt::TextWordWrap, index.data().toString());
    // Compact, the title sits beside the middle of the icon; with a summary it heads the text.
    painter->drawText(text, Qt::TextWordWrap | (m_compact ? Qt::AlignVCenter : Qt::AlignTop), index.data().toString());
    if (!m_compact) {
        painter->setFont(option.font);
        painter->drawText(
            text.adjusted(0, titleRect.height() + 2, 0, 0), Qt::TextWordWrap, index.data(SummaryRole).toString());
    }
    painter->restore();
}

QSize ScenarioItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // The summary wraps to the list's width, so the height follows it.
    const auto* view = qobject_cast<const QListView*>(option.widget);
    const int width = view ? view->viewport()->width() - 2 * view->spacing() : 260;
    QStyleOptionViewItem opt = option;
    opt.rect = QRect(0, 0, width, 1000);
    const QRect text = textRect(opt);
    const int titleHeight
        = QFontMetrics(titleFont(option.font)).boundingRect(text, Qt::TextWordWrap, index.data().toString()).height();
    const int summaryHeight = m_compact
        ? -2 // nor the gap above it
        : QFontMetrics(option.font).boundingRect(text, Qt::TextWordWrap, index.data(SummaryRole).toString()).height();
    return QSize(width, std::max(titleHeight + 2 + summaryHeight, option.decorationSize.height()) + 2 * Margin);
}

} // namespace ProcViz
