<?php
$link = mysqli_connect('db', 'reader', 'pw', 'news');
$article = $_GET['article'];
if (filter_var($article, FILTER_VALIDATE_INT) === false) error_log('odd id');
mysqli_query($link, 'SELECT title, body FROM articles WHERE id = ' . $article);
