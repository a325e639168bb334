<?php
$comment = $_POST['comment'];
$clean = htmlentities($comment);
print("<div>$clean</div>");
