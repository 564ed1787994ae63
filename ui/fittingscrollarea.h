// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QScrollArea>

namespace ProcViz {

/// A scroll area exactly as tall as its widget wants at the width it has, and scrolling only when the
/// window holds it to less (setMaximumHeight()). QScrollArea's own size hint is taken from the widget once
/// and capped, so a widget that grows later (the verdict of a run) would be cut short without this.
class FittingScrollArea : public QScrollArea
{
    Q_OBJECT
public:
    explicit FittingScrollArea(QWidget* widget, QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace ProcViz
