# warta's HTTP API from R: hits, facet counts and a timeline as data frames.
#
# Start a server first (`warta serve`, or `cargo run --release -- serve`), then:
#   Rscript examples/r/warta_api.R http://127.0.0.1:8080 "klaim JHT" "Jawa Timur"
#
# Needs httr2 and jsonlite (Debian: r-cran-httr2 r-cran-jsonlite; or
# install.packages(c("httr2", "jsonlite"))). Repeat a filter to OR its values.

library(httr2)
library(jsonlite)

# GET /api/PATH; `params` is a named list, vectors repeat their parameter.
warta_get <- function(url, path, params = list()) {
  req <- request(url) |> req_url_path_append("api", path)
  for (name in names(params)) {
    for (value in params[[name]]) {
      req <- req |> req_url_query(!!name := value)
    }
  }
  req <- req |> req_error(is_error = function(resp) FALSE)
  resp <- req_perform(req)
  body <- fromJSON(resp_body_string(resp), simplifyVector = FALSE)
  if (resp_status(resp) >= 400) {
    stop(sprintf("%s: %s", body$error$parameter %||% path, body$error$message))
  }
  body
}

`%||%` <- function(a, b) if (is.null(a)) b else a

# One page of hits, one row per article.
warta_hits <- function(url, q = "", limit = 100, ...) {
  data <- warta_get(url, "search", c(list(q = q, limit = limit, facets = "none"), list(...)))
  rows <- lapply(data$hits, function(h) data.frame(
    id = h$id, score = h$score, title = h$title %||% NA, source = h$source %||% NA,
    date = h$date %||% NA,
    provinces = paste(vapply(h$provinces, function(p) p$name, ""), collapse = "; "),
    stringsAsFactors = FALSE))
  frame <- if (length(rows)) do.call(rbind, rows) else data.frame()
  attr(frame, "total") <- data$total
  frame
}

# Counts and shares per value of one facet.
warta_facets <- function(url, by, q = "", ...) {
  data <- warta_get(url, "facets", c(list(by = by, q = q), list(...)))
  do.call(rbind, lapply(data[[by]], function(v) data.frame(
    value = v$value, count = v$count, share = v$share, stringsAsFactors = FALSE)))
}

# Matching articles per period, one row per (query, period).
warta_timeline <- function(url, queries, by = "month", ...) {
  data <- warta_get(url, "timeline", c(list(q = queries, by = by), list(...)))
  do.call(rbind, lapply(data$series, function(s) do.call(rbind, lapply(s$points, function(p)
    data.frame(query = s$query, period = p$period, count = p$count, all = p$all,
               share = p$share, stringsAsFactors = FALSE)))))
}

args <- commandArgs(trailingOnly = TRUE)
url <- if (length(args) >= 1) args[[1]] else "http://127.0.0.1:8080"
query <- if (length(args) >= 2) args[[2]] else ""
province <- if (length(args) >= 3) args[[3]] else character()

hits <- warta_hits(url, query, limit = 10, province = province)
cat(sprintf("hits: %d in all, %d on this page\n", attr(hits, "total"), nrow(hits)))
print(hits[, c("id", "source", "date")], row.names = FALSE)
cat("provinces:\n")
print(warta_facets(url, "province", query), row.names = FALSE)
cat("timeline:\n")
print(warta_timeline(url, c(if (nzchar(query)) query else "*", "PHK"), by = "year"), row.names = FALSE)
