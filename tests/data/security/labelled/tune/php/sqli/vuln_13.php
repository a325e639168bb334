<?php
// Several statements in one call; the tag comes from a cookie.
$db = mysqli_connect('localhost', 'app', getenv('DB_PASS'), 'blog');
$tag = $_COOKIE['tag'];
$batch = "UPDATE stats SET hits = hits + 1; SELECT title FROM posts WHERE tag = '" . $tag . "';";
mysqli_multi_query($db, $batch);
