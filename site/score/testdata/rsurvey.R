# The nps-csat-ces example's weighted figures computed by R's survey package
# (Lumley), independently of opros: site/score/rsurvey_test.go writes the
# respondents and the survey's raking margins as CSV, runs this script and
# compares what it writes.
#
#   Rscript rsurvey.R data.csv margins.csv weights.csv estimates.csv
#
# data.csv: response_id, wave, company, segment, channel and the answers (NA
# where there is none). margins.csv: scenario, weight (the base weight's
# column, or empty), field, code, share; each scenario is weighted, raked
# and estimated in turn.
# Indexes are coded from the answers as examples/nps-csat-ces/scoring.hcl
# defines them: every index is the weighted mean of a per-respondent value.
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], na.strings = "NA", stringsAsFactors = FALSE, fileEncoding = "UTF-8",
              colClasses = c(response_id = "character", company = "character", segment = "character",
                             channel = "character", q_resolved = "character"))
margins <- read.csv(args[2], stringsAsFactors = FALSE, colClasses = "character")
margins$share <- as.numeric(margins$share)

d$wave <- factor(d$wave)
# nps: promoters 9-10 count +100, detractors 0-6 −100, passives 0.
d$nps <- ifelse(d$q_nps >= 9, 100, ifelse(d$q_nps <= 6, -100, 0))
# csat: top-2-box of the 1-5 scale, in percent.
d$csat <- ifelse(d$q_csat >= 4, 100, 0)
# ces: the mean of the 1-7 answer.
d$ces <- d$q_ces
# service (mean_100): each 1-5 driver rescaled to 0-100, averaged over the
# items answered ("Don't know" is NA); no item answered: no value.
items <- c("d_speed", "d_competence", "d_politeness", "d_ease", "d_price")
d$service <- rowMeans((as.matrix(d[items]) - 1) / 4 * 100, na.rm = TRUE)
d$service[is.nan(d$service)] <- NA
# fcr: resolved, and contacted once (an unanswered count counts as once).
d$fcr <- ifelse(d$q_resolved == "yes" & (is.na(d$q_contacts) | d$q_contacts == 1), 100, 0)

# Groups as opros keys them.
groupings <- list(
  all = rep("all", nrow(d)),
  wave = paste0("wave=", d$wave),
  company = paste0("company=", d$company),
  segment = paste0("segment=", d$segment),
  channel = paste0("channel=", d$channel),
  company_wave = paste0("company=", d$company, "|wave=", d$wave)
)

# estimate is every index's svymean and its linearised SE in every group.
estimate <- function(des, g) {
  des <- update(des, g = g)
  out <- NULL
  # service is NA for whoever answered none of its items (na.rm leaves them
  # out of its domain only), so it goes apart from the rest.
  for (vs in list(c("nps", "csat", "ces", "fcr"), "service")) {
    r <- svyby(as.formula(paste("~", paste(vs, collapse = " + "))), ~g, des, svymean, na.rm = TRUE)
    se <- as.matrix(SE(r))
    for (i in seq_along(vs)) {
      out <- rbind(out, data.frame(key = r$g, index = vs[i], value = r[[vs[i]]], se = se[, i]))
    }
  }
  out
}

weightsOut <- NULL
estimatesOut <- NULL
for (scenario in unique(margins$scenario)) {
  ms <- margins[margins$scenario == scenario, ]
  fields <- unique(ms$field)
  # Base weights as docs/methods.md defines them: the column's value, or 1
  # where it is missing, zero or negative.
  d$base <- 1
  if (ms$weight[1] != "") {
    x <- d[[ms$weight[1]]]
    d$base <- ifelse(is.na(x) | x <= 0, 1, x)
  }
  waveTotal <- tapply(d$base, d$wave, sum)
  # Raking within each wave: every margin is crossed with the wave, and the
  # population of a wave is its sum of base weights split by the targets
  # (normalised to shares).
  sampleMargins <- list()
  populationMargins <- list()
  for (f in fields) {
    m <- ms[ms$field == f, ]
    m$share <- m$share / sum(m$share)
    d[[f]] <- factor(d[[f]], levels = m$code)
    pop <- expand.grid(wave = levels(d$wave), code = m$code, stringsAsFactors = FALSE)
    pop$Freq <- waveTotal[pop$wave] * m$share[match(pop$code, m$code)]
    names(pop)[2] <- f
    pop$wave <- factor(pop$wave, levels = levels(d$wave))
    sampleMargins[[f]] <- as.formula(paste("~wave +", f))
    populationMargins[[f]] <- pop
  }
  base <- svydesign(ids = ~1, weights = ~base, data = d)
  raked <- rake(base, sampleMargins, populationMargins, control = list(maxit = 1000, epsilon = 1e-13))

  # The same weights by calibration (raking distance) on indicator columns
  # of the wave and, within it, each margin's values but the first; its
  # variance uses the residuals of the calibration regression.
  cal <- character(0)
  totals <- numeric(0)
  for (w in levels(d$wave)) {
    name <- paste0("cal_w", w)
    d[[name]] <- as.numeric(d$wave == w)
    cal <- c(cal, name)
    totals <- c(totals, waveTotal[[w]])
    for (f in fields) {
      pop <- populationMargins[[f]]
      for (code in levels(d[[f]])[-1]) {
        name <- paste0("cal_w", w, "_", f, "_", code)
        d[[name]] <- as.numeric(d$wave == w & d[[f]] == code)
        cal <- c(cal, name)
        totals <- c(totals, pop$Freq[pop$wave == w & pop[[f]] == code])
      }
    }
  }
  names(totals) <- cal
  base <- svydesign(ids = ~1, weights = ~base, data = d)
  calibrated <- calibrate(base, as.formula(paste("~0 +", paste(cal, collapse = " + "))), population = totals,
                          calfun = "raking", maxit = 1000, epsilon = 1e-13)

  # With the raked weights as plain weights: the linearised variance that
  # ignores the raking.
  d$raked <- weights(raked)
  weighted <- svydesign(ids = ~1, weights = ~raked, data = d)

  weightsOut <- rbind(weightsOut, data.frame(scenario = scenario, response_id = d$response_id,
                                             weight = sprintf("%.17g", d$raked),
                                             calibrated = sprintf("%.17g", weights(calibrated))))

  # Standard errors: "weights" takes the raked weights as given,
  # "calibrate" accounts for the raking by calibration residuals, "rake" by
  # rake()'s iterated post-stratification (slow on many domains: the whole
  # sample and the waves only).
  designs <- list(weights = weighted, calibrate = calibrated, rake = raked)
  for (g in names(groupings)) {
    for (k in names(designs)) {
      if (k == "rake" && !(g %in% c("all", "wave"))) next
      e <- estimate(designs[[k]], groupings[[g]])
      estimatesOut <- rbind(estimatesOut, data.frame(scenario = scenario, key = e$key, index = e$index, design = k,
                                                     value = sprintf("%.17g", e$value), se = sprintf("%.17g", e$se)))
    }
  }
}
write.csv(weightsOut, args[3], row.names = FALSE, fileEncoding = "UTF-8")
write.csv(estimatesOut, args[4], row.names = FALSE, fileEncoding = "UTF-8")
