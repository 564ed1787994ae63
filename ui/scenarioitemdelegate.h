// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace ProcViz {

/// Draws a scenario as its icon, its title in bold and its summary wrapped below in the normal weight.
/// The title is Qt::DisplayRole, the summary Qt::UserRole + 1. Compact, it draws the title only.
class ScenarioItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int SummaryRole = Qt::UserRole + 1;

    using QStyledItemDelegate::QStyledItemDelegate;

    /// Titles only: for a projector, where the summaries would wrap into tall items in a narrow list.
    void setCompact(bool compact) { m_compact = compact; }
    bool isCompact() const { return m_compact; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    static QFont titleFont(const QFont& base);
    static QRect textRect(const QStyleOptionViewItem& option);

    bool m_compact = false;
};

} // namespace ProcViz
