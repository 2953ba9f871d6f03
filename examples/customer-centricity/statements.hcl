page "core" {
  title = "Блок 1. Клиент"
  intro = "Оцените, насколько каждое утверждение соответствует реальности в вашей компании."

  question "s1_1" {
    type     = "likert"
    text     = "1.1. Мы регулярно делаем индивидуальные предложения и обращаемся к клиентам по имени в коммуникациях."
    help     = "Персонализация (Personalisation)"
    scale    = scale.agree5
    required = true
  }

  question "s1_2" {
    type     = "likert"
    text     = "1.2. Мы глубоко понимаем, какую фундаментальную «работу» клиент «нанимает» наш продукт или услугу для выполнения (его главную цель). JTBD (Jobs to Be Done) — это методология, которая фокусируется на том, какую «работу» клиент пытается выполнить, \"нанимая\" тот или иной продукт или услугу."
    help     = "Понимание фундаментальных потребностей клиента через Jobs to Be Done (JTBD)"
    scale    = scale.agree5
    required = true
  }

  question "s1_3" {
    type     = "likert"
    text     = "1.3. Мы разделяем наших клиентов на группы (сегменты) по их поведению, потребностям и ценности для компании."
    help     = "Сегментация (Segmentation)"
    scale    = scale.agree5
    required = true
  }

  question "s1_4" {
    type     = "likert"
    text     = "1.4. Мы управляем всем опытом клиента: от первого знакомства с брендом до постпродажного обслуживания и повторных покупок."
    help     = "Понимание полного жизненного цикла клиента"
    scale    = scale.agree5
    required = true
  }

  question "s1_5" {
    type     = "likert"
    text     = "1.5. Мы стараемся понять эмоции и мотивации наших клиентов, чтобы взаимодействовать с ними более человечно."
    help     = "Эмпатия"
    scale    = scale.agree5
    required = true
  }

  question "s1_6" {
    type     = "likert"
    text     = "1.6. У нас есть работающие программы лояльности, а мы регулярно оцениваем, насколько они выгодны и бизнесу, и клиентам."
    help     = "Лояльность"
    scale    = scale.agree5
    required = true
  }
}

block "core" {
  title = "Клиент"
  items = [s1_1, s1_2, s1_3, s1_4, s1_5, s1_6]
}

page "experience" {
  title = "Блок 2. Опыт клиента"
  intro = "Оцените, насколько каждое утверждение соответствует реальности в вашей компании."

  question "s2_1" {
    type     = "likert"
    text     = "2.1. Мы управляем всем путешествием клиента (customer journey) как единым целым, а не просто отдельными точками контакта."
    help     = "Клиентский опыт"
    scale    = scale.agree5
    required = true
  }

  question "s2_2" {
    type     = "likert"
    text     = "2.2. При обращении на любой канал (сайт, телефон, соцсети) мы знаем историю клиента и предлагаем ему релевантные решения."
    help     = "Персонализация и релевантность на всех каналах"
    scale    = scale.agree5
    required = true
  }

  question "s2_3" {
    type     = "likert"
    text     = "2.3. Клиент может бесшовно переходить с одного канала взаимодействия на другой (например, с чата на телефон), не повторяя информацию."
    help     = "Омниканальность"
    scale    = scale.agree5
    required = true
  }

  question "s2_4" {
    type     = "likert"
    text     = "2.4. Мы используем карты путешествия клиента (CJM), чтобы визуализировать и улучшать его опыт на всех этапах."
    help     = "Customer Journey Map (CJM)"
    scale    = scale.agree5
    required = true
  }

  question "s2_5" {
    type     = "likert"
    text     = "2.5. Мы постоянно работаем над тем, чтобы клиенту было максимально удобно и легко решать свои задачи с помощью нашей компании."
    help     = "Удобство — минимизация усилий клиента"
    scale    = scale.agree5
    required = true
  }

  question "s2_6" {
    type     = "likert"
    text     = "2.6. Мы предупреждаем проблемы клиентов до их возникновения, анализируя «узкие места» в процессах."
    help     = "Проактивность"
    scale    = scale.agree5
    required = true
  }
}

block "experience" {
  title = "Опыт клиента"
  items = [s2_1, s2_2, s2_3, s2_4, s2_5, s2_6]
}

page "insights" {
  title = "Блок 3. Данные о клиенте"
  intro = "Оцените, насколько каждое утверждение соответствует реальности в вашей компании."

  question "s3_1" {
    type     = "likert"
    text     = "3.1. Мы системно собираем обратную связь от клиентов на разных этапах их жизненного цикла."
    help     = "Обратная связь"
    scale    = scale.agree5
    required = true
  }

  question "s3_2" {
    type     = "likert"
    text     = "3.2. Мы используем данные, чтобы прогнозировать будущие потребности и поведение клиентов."
    help     = "Predictive Analytics — прогнозирование потребностей"
    scale    = scale.agree5
    required = true
  }

  question "s3_3" {
    type     = "likert"
    text     = "3.3. Мы анализируем эмоциональный тон отзывов и переписки с клиентами (сентимент-анализ)."
    help     = "Анализ эмоций клиента"
    scale    = scale.agree5
    required = true
  }

  question "s3_4" {
    type     = "likert"
    text     = "3.4. У нас есть единая и достоверная база данных по каждому клиенту, которая объединяет информацию из всех отделов."
    help     = "Единое файл данных о клиенте"
    scale    = scale.agree5
    required = true
  }

  question "s3_5" {
    type     = "likert"
    text     = "3.5. Мы не просто собираем обратную связь, а реально используем ее для изменений в продуктах, услугах и процессах."
    help     = "Эффективное использование обратной связи"
    scale    = scale.agree5
    required = true
  }
}

block "insights" {
  title = "Данные о клиенте"
  items = [s3_1, s3_2, s3_3, s3_4, s3_5]
}

page "culture" {
  title = "Блок 4. Культура компании"
  intro = "Оцените, насколько каждое утверждение соответствует реальности в вашей компании."

  question "s4_1" {
    type     = "likert"
    text     = "4.1. Высшее руководство лично и активно участвует в инициативах по улучшению клиентского опыта."
    help     = "Культура лидерства"
    scale    = scale.agree5
    required = true
  }

  question "s4_2" {
    type     = "likert"
    text     = "4.2. Мы регулярно обучаем наших сотрудников принципам и навыкам клиентоцентричного обслуживания."
    help     = "Обучение сотрудников (Employee Training)"
    scale    = scale.agree5
    required = true
  }

  question "s4_3" {
    type     = "likert"
    text     = "4.3. Система мотивации и KPI наших сотрудников напрямую зависит от оценок клиентов (NPS, CSAT и др.) и качества сервиса."
    help     = "Мотивация, KPI и вознаграждение"
    scale    = scale.agree5
    required = true
  }

  question "s4_4" {
    type     = "likert"
    text     = "4.4. Мы даем сотрудникам на передовой право принимать решения в интересах клиента, не ожидая долгого согласования."
    help     = "Гибкость и предоставление полномочий сотрудникам (Empowerment)"
    scale    = scale.agree5
    required = true
  }
}

block "culture" {
  title = "Культура компании"
  items = [s4_1, s4_2, s4_3, s4_4]
}

page "digital" {
  title = "Блок 5. Цифровые инструменты"
  intro = "Оцените, насколько каждое утверждение соответствует реальности в вашей компании."

  question "s5_1" {
    type     = "likert"
    text     = "5.1. Наши ИТ-решения в первую очередь решают бизнес-задачи, направленные на улучшение клиентского опыта."
    help     = "Стратегическое соответствие и использование ИТ-инструментов"
    scale    = scale.agree5
    required = true
  }

  question "s5_2" {
    type     = "likert"
    text     = "5.2. Наши информационные системы (например, CRM) интегрированы и дают единое представление о клиенте."
    help     = "Интеграция и единое представление о клиенте"
    scale    = scale.agree5
    required = true
  }

  question "s5_3" {
    type     = "likert"
    text     = "5.3. Мы не просто собираем данные о клиентах, а активно используем их для персонализации и улучшения сервиса."
    help     = "Сбор и активация данных"
    scale    = scale.agree5
    required = true
  }

  question "s5_4" {
    type     = "likert"
    text     = "5.4. Мы надежно защищаем персональные данные клиентов и строго соблюдаем законодательство"
    help     = "Безопасность"
    scale    = scale.agree5
    required = true
  }
}

block "digital" {
  title = "Цифровые инструменты"
  items = [s5_1, s5_2, s5_3, s5_4]
}

page "metrics" {
  title = "Блок 6. Метрики"
  intro = "Оцените, насколько каждое утверждение соответствует реальности в вашей компании."

  question "s6_1" {
    type     = "likert"
    text     = "6.1. Мы знаем и управляем совокупной прибылью, которую клиент приносит за все время сотрудничества с нами (LTV)."
    help     = "LTV (Lifetime Value)"
    scale    = scale.agree5
    required = true
  }

  question "s6_2" {
    type     = "likert"
    text     = "6.2. Мы регулярно измеряем индекс удовлетворенности клиентов (CSAT/CSI)."
    help     = "CSI (Customer Satisfaction Index)"
    scale    = scale.agree5
    required = true
  }

  question "s6_3" {
    type     = "likert"
    text     = "6.3. Мы регулярно измеряем индекс лояльности клиентов (NPS)."
    help     = "NPS (Net Promoter Score)"
    scale    = scale.agree5
    required = true
  }

  question "s6_4" {
    type     = "likert"
    text     = "6.4. Мы отслеживаем, какая доля клиентов возвращается к нам снова."
    help     = "ДВК (Доля возвращенных клиентов)"
    scale    = scale.agree5
    required = true
  }

  question "s6_5" {
    type     = "likert"
    text     = "6.5. Мы соблюдаем четкие стандарты и сроки оказания услуг (SLA)."
    help     = "SLA (Service Level Agreement)"
    scale    = scale.agree5
    required = true
  }

  question "s6_6" {
    type     = "likert"
    text     = "6.6. Мы отслеживаем долю повторных покупок в общем объеме продаж."
    help     = "RR (Repeat Rate)"
    scale    = scale.agree5
    required = true
  }

  question "s6_7" {
    type     = "likert"
    text     = "6.7. Мы измеряем, насколько легко клиенту решить свой вопрос или совершить покупку (индекс усилий CES)."
    help     = "CES (Customer Effort Score)"
    scale    = scale.agree5
    required = true
  }

  question "s6_8" {
    type     = "likert"
    text     = "6.8. Мы активно управляем отзывами о компании на геосервиса и отраслевых сайтах."
    help     = "SERM (Управление репутацией)"
    scale    = scale.agree5
    required = true
  }

  question "s6_9" {
    type     = "likert"
    text     = "6.9. Мы оцениваем удовлетворенность клиента через оценку удовлетворенностью стоимостью владения (TCO)"
    help     = "Стоимость владения"
    scale    = scale.agree5
    required = true
  }
}

block "metrics" {
  title = "Метрики"
  items = [s6_1, s6_2, s6_3, s6_4, s6_5, s6_6, s6_7, s6_8, s6_9]
}

page "innovation" {
  title = "Блок 7. Инновации"
  intro = "Оцените, насколько каждое утверждение соответствует реальности в вашей компании."

  question "s7_1" {
    type     = "likert"
    text     = "7.1. Идеи и «боли» клиентов — главный источник для наших улучшений и инноваций."
    help     = "Исследование и понимание потребностей и болей клиента"
    scale    = scale.agree5
    required = true
  }

  question "s7_2" {
    type     = "likert"
    text     = "7.2. В нашей компании поощряются эксперименты и тестирование новых гипотез по улучшению клиентского опыта."
    help     = "Культура инноваций и экспериментов"
    scale    = scale.agree5
    required = true
  }

  question "s7_3" {
    type     = "likert"
    text     = "7.3. Мы создаем новые продукты и услуги, чтобы решать реальные проблемы наших клиентов."
    help     = "Инновации, ориентированные на клиента (Customer-Centric Innovation)"
    scale    = scale.agree5
    required = true
  }

  question "s7_4" {
    type     = "likert"
    text     = "7.4. У нас есть отлаженная система сбора и реализации предложений по улучшениям от сотрудников."
    help     = "Внутренний сбор инноваций"
    scale    = scale.agree5
    required = true
  }
}

block "innovation" {
  title = "Инновации"
  items = [s7_1, s7_2, s7_3, s7_4]
}

page "risk" {
  title = "Блок 8. Риск-менеджмент"
  intro = "Оцените, насколько каждое утверждение соответствует реальности в вашей компании."

  question "s8_1" {
    type     = "likert"
    text     = "8.1. В нашей компании выстроена целостная и управляемая система клиентоцентричности."
    help     = "Готовность элементов системы управления клиентоцентричностью"
    scale    = scale.agree5
    required = true
  }

  question "s8_2" {
    type     = "likert"
    text     = "8.2. Топ-менеджмент четко и публично демонстрирует приверженность культуре клиентоцентричности."
    help     = "Поддержка со стороны топ-менеджмента"
    scale    = scale.agree5
    required = true
  }

  question "s8_3" {
    type     = "likert"
    text     = "8.3. Наши маркетинговые обещания полностью соответствуют реальному опыту, который получает клиент."
    help     = "Разрыв между обещаниями и реальностью"
    scale    = scale.agree5
    required = true
  }

  question "s8_4" {
    type     = "likert"
    text     = "8.4. Рядовые сотрудники и менеджеры среднего звена разделяют ценности клиентоцентричности и активно вовлечены в их реализацию."
    help     = "Сопротивление сотрудников"
    scale    = scale.agree5
    required = true
  }

  question "s8_5" {
    type     = "likert"
    text     = "8.5. Наши технологические платформы (CRM и др.) современны, данные в них достоверны, и они поддерживают, а не ограничивают, качественный сервис."
    help     = "Технологические риски"
    scale    = scale.agree5
    required = true
  }
}

block "risk" {
  title = "Риск-менеджмент"
  items = [s8_1, s8_2, s8_3, s8_4, s8_5]
}
