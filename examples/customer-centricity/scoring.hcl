index "ccm" {
  title = "Индекс клиентоцентричности"
  kind  = "blocks"
  items = [block.core, block.experience, block.insights, block.culture, block.digital, block.metrics, block.innovation, block.risk]
}

index "metrics_maturity" {
  title = "Зрелость системы CX-метрик"
  kind  = "mean_100"
  items = [s6_2, s6_3, s6_7]
}

maturity {
  level "initial" {
    title       = "Начальный"
    description = "Клиентоцентричность декларируется, но не управляется."
    min         = 0
  }
  level "developing" {
    title       = "Развивающийся"
    description = "Отдельные практики работают, но не связаны в систему."
    min         = 40
  }
  level "mature" {
    title       = "Зрелый"
    description = "Практики системны, измеряются и улучшаются."
    min         = 65
  }
  level "leader" {
    title       = "Лидер"
    description = "Клиент — центр стратегии, решений и культуры."
    min         = 85
  }
}

benchmark {
  unit             = "participant" # one questionnaire per company and wave
  once             = "last"        # a company that sends it again: its last one counts
  participant      = hidden.company
  segments         = [hidden.segment]
  min_group_size   = 3
  min_participants = 3
}

report {
  title      = "Карта клиентоцентричности 2025: бенчмарк"
  languages  = ["ru", "en"]
  indexes    = [index.ccm, index.metrics_maturity]
  breakdowns = [hidden.segment]
}
