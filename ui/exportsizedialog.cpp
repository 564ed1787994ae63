// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportsizedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

namespace ProcViz {

ExportSizeDialog::ExportSizeDialog(const QSize& size, QWidget* parent)
    : QDialog(parent)
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
{
    setWindowTitle(tr("Custom picture size"));
    m_width->setObjectName(QStringLiteral("exportWidth"));
    m_height->setObjectName(QStringLiteral("exportHeight"));
    m_width->setRange(Minimum.width(), Maximum.width());
    m_height->setRange(Minimum.height(), Maximum.height());
    for (auto* box : {m_width, m_height})
        box->setSuffix(tr(" px"));
    m_width->setValue(size.width());
    m_height->setValue(size.height());

    auto* layout = new QFormLayout(this);
    layout->addRow(tr("&Width:"), m_width);
    layout->addRow(tr("&Height:"), m_height);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addRow(buttons);
}

QSize ExportSizeDialog::chosenSize() const
{
    return {m_width->value(), m_height->value()};
}

std::optional<QSize> ExportSizeDialog::ask(const QSize& current, QWidget* parent)
{
    ExportSizeDialog dialog(current, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.chosenSize();
}

} // namespace ProcViz
