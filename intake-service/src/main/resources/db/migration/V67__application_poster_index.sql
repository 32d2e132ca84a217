-- The poster list counts each poster's applications (PosterService.totals): an index on the poster
-- code, only over the applications that came through a poster, so the count reads those rows and not
-- every application (hotline, window and alert applications have none).
create index application_poster_code on application (poster_code) where poster_code is not null;
