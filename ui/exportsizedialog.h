// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <optional>

class QSpinBox;

namespace ProcViz {

/// Asks for a picture size that is none of the presets: width and height in pixels.
class ExportSizeDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr QSize Minimum {320, 240}; ///< as `procviz shot --size`
    static constexpr QSize Maximum {7680, 4320}; ///< 8K; beyond it a PNG is hundreds of megabytes in memory

    explicit ExportSizeDialog(const QSize& size, QWidget* parent = nullptr);
    QSize chosenSize() const;

    /// The size chosen, or nothing when cancelled.
    static std::optional<QSize> ask(const QSize& current, QWidget* parent);

private:
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
};

} // namespace ProcViz
