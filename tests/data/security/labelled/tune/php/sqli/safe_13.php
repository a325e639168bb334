<?php
// The tag id is a number before it goes into the batch.
$db = mysqli_connect('localhost', 'app', getenv('DB_PASS'), 'blog');
$tag = (int) $_COOKIE['tag'];
$batch = "UPDATE stats SET hits = hits + 1; SELECT title FROM posts WHERE tag_id = " . $tag . ";";
mysqli_multi_query($db, $batch);
